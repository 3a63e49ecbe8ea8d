package io.beseda.workspace.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import io.beseda.workspace.apikey.ApiKeyId;
import io.beseda.workspace.apikey.ApiKeys;

/** Settings → API keys: issue a key (its secret is shown once), see when keys were used, revoke them. */
@Controller
@RequestMapping("/settings/api-keys")
class ApiKeysConsoleController {

    private final ApiKeys keys;

    ApiKeysConsoleController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("keys", keys.list(actor.workspaceId()));
        return "settings/api-keys";
    }

    @PostMapping
    String issue(Actor actor, @RequestParam String name, RedirectAttributes redirect) {
        var trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            redirect.addFlashAttribute("error", "api-key.name.invalid");
            return "redirect:/settings/api-keys";
        }
        try {
            var issued = keys.issue(actor.workspaceId(), trimmed, actor.name());
            // A flash attribute lives for exactly one request: the secret is shown once and then forgotten.
            redirect.addFlashAttribute("issuedSecret", issued.secret());
            redirect.addFlashAttribute("issuedName", issued.key().name());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
        }
        return "redirect:/settings/api-keys";
    }

    @PostMapping("/{keyId}/revoke")
    String revoke(Actor actor, @PathVariable UUID keyId, RedirectAttributes redirect) {
        var key = keys.revoke(actor.workspaceId(), new ApiKeyId(keyId));
        redirect.addFlashAttribute("notice", "api-keys.revoked");
        redirect.addFlashAttribute("noticeArg", key.name());
        return "redirect:/settings/api-keys";
    }
}
