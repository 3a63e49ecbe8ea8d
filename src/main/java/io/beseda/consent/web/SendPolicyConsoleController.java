package io.beseda.consent.web;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.consent.Channel;
import io.beseda.consent.MessageCategory;
import io.beseda.consent.OrganisationType;
import io.beseda.consent.SendPolicy;
import io.beseda.consent.SendRequest;
import io.beseda.customer.Customer;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.WorkspaceId;
import io.beseda.workspace.Workspaces;

/** Settings → Send policy: organisation type, restricted messengers, caps, quiet hours, and a dry run. */
@Controller
@RequestMapping("/settings/send-policy")
class SendPolicyConsoleController {

    private final SendPolicy policy;
    private final Customers customers;
    private final Workspaces workspaces;

    SendPolicyConsoleController(SendPolicy policy, Customers customers, Workspaces workspaces) {
        this.policy = policy;
        this.customers = customers;
        this.workspaces = workspaces;
    }

    @GetMapping
    String page(Actor actor, Model model) {
        if (!model.containsAttribute("policy")) {
            model.addAttribute("policy", PolicyForm.of(policy.settings(actor.workspaceId())));
        }
        if (!model.containsAttribute("check")) {
            model.addAttribute("check", CheckForm.empty());
        }
        model.addAttribute("organisationTypes", OrganisationType.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", MessageCategory.values());
        return "settings/send-policy";
    }

    @PostMapping
    String save(Actor actor, @Valid @ModelAttribute("policy") PolicyForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(actor, model);
        }
        policy.update(actor, form.settings());
        redirect.addFlashAttribute("notice", "send-policy.saved");
        return "redirect:/settings/send-policy";
    }

    @PostMapping("/check")
    String check(Actor actor, @Valid @ModelAttribute("check") CheckForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            var workspaceZone = zone(actor.workspaceId());
            var customer = find(actor.workspaceId(), form.customer().strip());
            if (customer.isEmpty()) {
                model.addAttribute("checkError", "send-policy.check.customer-unknown");
            } else {
                var request = new SendRequest(customer.get().id(), form.channel(), form.category(),
                        form.moment(workspaceZone), Boolean.TRUE.equals(form.template()), null, null);
                var decision = policy.check(actor.workspaceId(), request, actor.name());
                model.addAttribute("result", new CheckResult(decision, customer.get().timeZoneOr(workspaceZone), workspaceZone));
            }
        }
        return page(actor, model);
    }

    /** By id, e-mail or phone, in the actor's workspace only. */
    private Optional<Customer> find(WorkspaceId workspace, String given) {
        Optional<CustomerId> id;
        try {
            id = Optional.of(new CustomerId(UUID.fromString(given)));
        } catch (IllegalArgumentException notAnId) {
            id = customers.findBy(workspace, given.contains("@") ? Identity.email(given) : Identity.phone(given));
        }
        return id.flatMap(customer -> customers.find(workspace, customer));
    }

    private ZoneId zone(WorkspaceId workspace) {
        return workspaces.find(workspace).orElseThrow(() -> new NotFoundException("Workspace", workspace)).timeZone();
    }
}
