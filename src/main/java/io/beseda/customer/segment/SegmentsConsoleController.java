package io.beseda.customer.segment;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.customer.SegmentId;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import tools.jackson.databind.json.JsonMapper;

/** Покупатели → Сегменты: the list with member counts, one segment's members, deleting and recomputing. */
@Controller
@RequestMapping("/customers/segments")
class SegmentsConsoleController {

    private final SegmentDirectory directory;
    private final SegmentStore store;
    private final SegmentEditor editor;
    private final Membership membership;
    private final JsonMapper json;

    SegmentsConsoleController(SegmentDirectory directory, SegmentStore store, SegmentEditor editor,
                              Membership membership, JsonMapper json) {
        this.directory = directory;
        this.store = store;
        this.editor = editor;
        this.membership = membership;
        this.json = json;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("segments", directory.stored(actor.workspaceId()));
        model.addAttribute("canEdit", SegmentPermissions.canEdit(actor));
        return "customers/segments/list";
    }

    @GetMapping("/{segmentId}")
    String members(Actor actor, @PathVariable UUID segmentId, @RequestParam(defaultValue = "0") int page, Model model) {
        var segment = store.get(actor.workspaceId(), new SegmentId(segmentId));
        model.addAttribute("segment", segment.segment());
        model.addAttribute("rule", json.readTree(segment.rule()).toPrettyString());
        var members = membership.members(actor.workspaceId(), segment.segment().id(), Math.max(page, 0),
                MemberPage.DEFAULT_SIZE);
        model.addAttribute("page", members);
        model.addAttribute("hasPrevious", members.hasPrevious());
        model.addAttribute("hasNext", members.hasNext());
        model.addAttribute("canEdit", SegmentPermissions.canEdit(actor));
        return "customers/segments/members";
    }

    @PostMapping("/{segmentId}/evaluate")
    String evaluate(Actor actor, @PathVariable UUID segmentId, RedirectAttributes redirect) {
        SegmentPermissions.requireEditor(actor);
        var segment = editor.evaluateNow(actor.workspaceId(), new SegmentId(segmentId)).segment();
        redirect.addFlashAttribute("notice", "segment.evaluated");
        redirect.addFlashAttribute("noticeArg", segment.members());
        return "redirect:/customers/segments/" + segment.id();
    }

    @PostMapping("/{segmentId}/delete")
    String delete(Actor actor, @PathVariable UUID segmentId, RedirectAttributes redirect) {
        SegmentPermissions.requireEditor(actor);
        try {
            var deleted = editor.delete(actor.workspaceId(), new SegmentId(segmentId)).segment();
            redirect.addFlashAttribute("notice", "segment.deleted");
            redirect.addFlashAttribute("noticeArg", deleted.name());
            return "redirect:/customers/segments";
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.code());
            return "redirect:/customers/segments/" + segmentId;
        }
    }
}
