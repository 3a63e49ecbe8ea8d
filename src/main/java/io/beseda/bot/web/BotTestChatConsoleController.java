package io.beseda.bot.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.beseda.bot.BotTestChat;
import io.beseda.workspace.Actor;
import jakarta.servlet.http.HttpSession;

/**
 * The «Бот» page's test chat: anyone signed in writes as a customer would and sees what the bot makes of it and
 * would answer; the chat (the last {@link #KEPT} turns) lives in the user's session, one per workspace, so a
 * return or an order number can be carried over several messages. Nothing is sent or stored.
 */
@Controller
class BotTestChatConsoleController {

    static final int KEPT = 30;
    static final String ANCHOR = "#bot-test-chat";

    /** One workspace's test chat in the session. */
    static final class Transcript {
        final BotTestChat.Chat chat = new BotTestChat.Chat();
        final List<BotTestChat.Turn> turns = new ArrayList<>();
    }

    private final BotTestChat testChat;

    BotTestChatConsoleController(BotTestChat testChat) {
        this.testChat = testChat;
    }

    @PostMapping(BotPage.PATH + "/test-chat")
    String say(Actor actor, HttpSession session, @RequestParam(defaultValue = "") String text,
               @RequestParam(required = false) @Nullable String button) {
        var transcript = transcript(actor, session);
        if (!text.isEmpty() || button != null) {
            transcript.turns.add(testChat.say(actor.workspaceId(), transcript.chat, text, button));
            while (transcript.turns.size() > KEPT) {
                transcript.turns.removeFirst();
            }
        }
        return "redirect:" + BotPage.PATH + ANCHOR;
    }

    @PostMapping(BotPage.PATH + "/test-chat/reset")
    String reset(Actor actor, HttpSession session) {
        session.removeAttribute(key(actor));
        return "redirect:" + BotPage.PATH + ANCHOR;
    }

    static Transcript transcript(Actor actor, HttpSession session) {
        var transcript = (Transcript) session.getAttribute(key(actor));
        if (transcript == null) {
            transcript = new Transcript();
            session.setAttribute(key(actor), transcript);
        }
        return transcript;
    }

    static List<BotTestChat.Turn> turns(Actor actor, @Nullable HttpSession session) {
        var transcript = session == null ? null : (Transcript) session.getAttribute(key(actor));
        return transcript == null ? List.of() : List.copyOf(transcript.turns);
    }

    private static String key(Actor actor) {
        return "bot-test-chat-" + actor.workspaceId().value();
    }
}
