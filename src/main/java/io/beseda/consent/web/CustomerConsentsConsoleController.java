package io.beseda.consent.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.beseda.consent.CustomerConsentPanels;
import io.beseda.customer.CustomerId;
import io.beseda.workspace.Actor;

/**
 * The consent part of a customer's profile as a fragment of its own, so the profile page (in the
 * customer module, which consent depends on and not the other way round) can load it with htmx:
 * {@code <section hx-get="/customers/{id}/consents" hx-trigger="load"></section>}.
 */
@Controller
class CustomerConsentsConsoleController {

    private final CustomerConsentPanels panels;

    CustomerConsentsConsoleController(CustomerConsentPanels panels) {
        this.panels = panels;
    }

    @GetMapping("/customers/{customerId}/consents")
    String panel(Actor actor, @PathVariable UUID customerId, Model model) {
        model.addAttribute("panel", panels.of(actor.workspaceId(), new CustomerId(customerId)));
        return "consent/customer-consents :: consents";
    }
}
