package io.beseda.bot;

import java.util.List;

import io.beseda.bot.nlu.Entities;

/**
 * «Хочу вернуть куртку, порвался шов»: the bot asks for a photo of the defect (and takes the order number if
 * given); once a photo comes it opens a return request and hands the conversation to an operator.
 */
final class Returns {

    private Returns() {
    }

    static Reply start(BotSettings.Settings setup, Session session, Heard heard, Entities entities) {
        var next = session.with("order", entities.orderNumber()).with("problem", Phrases.clip(heard.text(), 300))
                .waitingFor(Session.Awaiting.RETURN_PHOTO, Intent.RETURNS).understood().tried("returns: попросил фото дефекта");
        if (heard.photos() > 0) {
            return photoReceived(setup, next, heard);
        }
        return Reply.asked(next, Said.text(setup.text("returns_ask_photo")));
    }

    static Reply stillNeedPhoto(BotSettings.Settings setup, Session session, Heard heard, Entities entities) {
        var next = session.with("order", entities.orderNumber()).misunderstood();
        if (entities.orderNumber() != null) {
            next = next.understood();
        }
        if (next.misunderstandings() >= Dialogue.MISUNDERSTANDINGS_BEFORE_OPERATOR) {
            // two answers without a photo: a person takes it from here, with what was said
            return Reply.handOff(next.with("problem_more", Phrases.clip(heard.text(), 300)).tried("returns: фото так и не пришло"),
                    Outcome.Reason.RETURN, Said.text(setup.text("handoff")));
        }
        return Reply.asked(next.tried("returns: снова попросил фото"), new Said(setup.text("returns_still_need_photo"), Buttons.OPERATOR));
    }

    static Reply photoReceived(BotSettings.Settings setup, Session session, Heard heard) {
        var photos = heard.attachments().stream().filter(io.beseda.channel.Attachment::image).toList();
        var problem = session.collected().getOrDefault("problem", heard.text().isBlank() ? "возврат" : Phrases.clip(heard.text(), 300));
        var next = session.with("photos", String.valueOf(photos.size())).understood().tried("returns: получено фото, заявка открыта");
        return new Reply(List.of(Said.text(setup.text("returns_opened"))), next, Outcome.Kind.HANDED_OFF, Outcome.Reason.RETURN,
                new Outcome.ReturnRequestDraft(session.collected().get("order"), problem, photos));
    }
}
