package io.beseda.conversation.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.conversation.CannedReplies;
import io.beseda.conversation.CannedReplyDraft;
import io.beseda.workspace.Actor;

/** Settings → Canned replies: the workspace's scripts. */
@Controller
class CannedRepliesConsoleController {

    private static final String PAGE = "/settings/canned-replies";

    private final CannedReplies replies;

    CannedRepliesConsoleController(CannedReplies replies) {
        this.replies = replies;
    }

    @GetMapping(PAGE)
    String page(Actor actor, Model model) {
        model.addAttribute("replies", replies.list(actor.workspaceId(), null));
        return "settings/canned-replies";
    }

    @PostMapping(PAGE)
    String create(Actor actor, @RequestParam String shortcut, @RequestParam String title, @RequestParam String body,
                  RedirectAttributes redirect) {
        return SettingsRedirects.apply(redirect, PAGE, "canned.created",
                () -> replies.create(actor, new CannedReplyDraft(shortcut, title, body)).shortcut());
    }

    @PostMapping(PAGE + "/{cannedReplyId}")
    String update(Actor actor, @PathVariable UUID cannedReplyId, @RequestParam String shortcut, @RequestParam String title,
                  @RequestParam String body, RedirectAttributes redirect) {
        replies.get(actor.workspaceId(), cannedReplyId);
        return SettingsRedirects.apply(redirect, PAGE, "canned.saved",
                () -> replies.update(actor, cannedReplyId, new CannedReplyDraft(shortcut, title, body)).shortcut());
    }

    @PostMapping(PAGE + "/{cannedReplyId}/delete")
    String delete(Actor actor, @PathVariable UUID cannedReplyId, RedirectAttributes redirect) {
        replies.get(actor.workspaceId(), cannedReplyId);
        return SettingsRedirects.apply(redirect, PAGE, "canned.deleted", () -> {
            replies.delete(actor, cannedReplyId);
            return "";
        });
    }
}
