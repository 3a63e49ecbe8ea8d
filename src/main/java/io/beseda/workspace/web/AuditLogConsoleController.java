package io.beseda.workspace.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.beseda.workspace.Actor;
import io.beseda.workspace.AuditLog;

/** Settings → Audit log: who changed consents and policies, who erased data. */
@Controller
class AuditLogConsoleController {

    private final AuditLog audit;

    AuditLogConsoleController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/settings/audit")
    String recent(Actor actor, Model model) {
        model.addAttribute("entries", audit.recent(actor.workspaceId(), 500));
        return "settings/audit";
    }
}
