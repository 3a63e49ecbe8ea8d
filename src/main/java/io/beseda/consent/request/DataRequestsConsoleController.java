package io.beseda.consent.request;

import java.time.Clock;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.customer.CustomerId;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import tools.jackson.databind.json.JsonMapper;

/** Settings → Personal data requests: open requests with deadlines, carry them out, download exports. */
@Controller
@RequestMapping("/settings/data-requests")
class DataRequestsConsoleController {

    private final DataRequests requests;
    private final JsonMapper json;
    private final Clock clock;

    DataRequestsConsoleController(DataRequests requests, JsonMapper json, Clock clock) {
        this.requests = requests;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("requests", requests.list(actor.workspaceId(), false));
        model.addAttribute("kinds", DataRequest.Kind.values());
        model.addAttribute("now", clock.instant());
        return "consent/data-requests";
    }

    @PostMapping
    String open(Actor actor, @RequestParam UUID customerId, @RequestParam DataRequest.Kind kind,
                @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            requests.open(actor, new CustomerId(customerId), kind, "console", note.isBlank() ? null : note.strip());
            redirect.addFlashAttribute("notice", "data-requests.opened");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
        }
        return "redirect:/settings/data-requests";
    }

    @PostMapping("/{requestId}/complete")
    String complete(Actor actor, @PathVariable UUID requestId, RedirectAttributes redirect) {
        try {
            requests.complete(actor, requestId);
            redirect.addFlashAttribute("notice", "data-requests.completed");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
        }
        return "redirect:/settings/data-requests";
    }

    @PostMapping("/{requestId}/reject")
    String reject(Actor actor, @PathVariable UUID requestId, @RequestParam String reason, RedirectAttributes redirect) {
        try {
            requests.reject(actor, requestId, reason.isBlank() ? "—" : reason.strip());
            redirect.addFlashAttribute("notice", "data-requests.rejected");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
        }
        return "redirect:/settings/data-requests";
    }

    /** The export as a file, for handing to the customer. */
    @GetMapping("/{requestId}/export.json")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable UUID requestId) {
        var request = requests.get(actor.workspaceId(), requestId);
        var document = requests.export(actor.workspaceId(), request.customer());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + request.customer() + ".json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
    }
}
