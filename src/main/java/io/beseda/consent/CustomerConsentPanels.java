package io.beseda.consent;

import org.springframework.stereotype.Service;

import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.WorkspaceId;
import io.beseda.workspace.Workspaces;

/**
 * Builds the view model of the consent fragment for one customer. A page puts it into its model as
 * {@code consentPanel} and includes {@code ~{consent/customer-consents :: consents(${consentPanel})}};
 * a page that may not depend on consent loads {@code /customers/{id}/consents} with htmx instead.
 */
@Service
public class CustomerConsentPanels {

    static final int DECISIONS_SHOWN = 20;

    private final Consents consents;
    private final SendPolicy policy;
    private final Customers customers;
    private final Workspaces workspaces;

    CustomerConsentPanels(Consents consents, SendPolicy policy, Customers customers, Workspaces workspaces) {
        this.consents = consents;
        this.policy = policy;
        this.customers = customers;
        this.workspaces = workspaces;
    }

    public CustomerConsentPanel of(WorkspaceId workspace, CustomerId customer) {
        var profile = customers.get(workspace, customer);
        var zone = profile.timeZoneOr(workspaces.find(workspace)
                .orElseThrow(() -> new NotFoundException("Workspace", workspace)).timeZone());
        return new CustomerConsentPanel(profile.id(), zone, consents.current(workspace, profile.id()),
                consents.history(workspace, profile.id()), policy.decisions(workspace, profile.id(), DECISIONS_SHOWN));
    }
}
