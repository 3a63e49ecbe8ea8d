package io.beseda.journey.web;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.beseda.consent.Channel;
import io.beseda.customer.CustomerDirectory;
import io.beseda.journey.definition.Step;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.template.ChannelTemplate;
import io.beseda.journey.template.CouponSpec;
import io.beseda.journey.template.Previews;
import io.beseda.journey.template.TemplateProblem;
import io.beseda.workspace.Actor;

/**
 * A send step's text, as typed in the builder (saved or not), filled in with a real customer's data: nothing is
 * stored or sent, the coupon is a sample.
 */
@Controller
class JourneyPreviewConsoleController {

    private final JourneyCatalog catalog;
    private final CustomerDirectory directory;
    private final Previews previews;

    JourneyPreviewConsoleController(JourneyCatalog catalog, CustomerDirectory directory, Previews previews) {
        this.catalog = catalog;
        this.directory = directory;
        this.previews = previews;
    }

    /** {@code preview=<step n>:<CHANNEL>} and {@code previewCustomer} (a phone, e-mail or name) with the builder's fields. */
    @PostMapping("/journeys/{journeyId}/preview")
    String preview(Actor actor, @PathVariable UUID journeyId, @RequestParam Map<String, String> posted,
                   @RequestParam(defaultValue = "") String preview, @RequestParam(defaultValue = "") String previewCustomer,
                   Model model) {
        catalog.get(actor.workspaceId(), journeyId);
        JourneyPermissions.requireEditor(actor);
        var found = previewCustomer.isBlank() ? null : directory.search(actor.workspaceId(),
                new CustomerDirectory.Query(previewCustomer, null, false, false, 0, 1)).customers().stream().findFirst().orElse(null);
        model.addAttribute("customer", found);
        if (found == null) {
            model.addAttribute("previewProblem", "Покупатель «" + previewCustomer.strip() + "» не найден: введите телефон, e-mail или имя.");
            return "journey/builder :: preview";
        }
        try {
            var colon = preview.indexOf(':');
            var index = Integer.parseInt(preview.substring(0, colon));
            var channel = Channel.valueOf(preview.substring(colon + 1));
            var form = JourneyForm.read(posted);
            var send = (Step.Send) form.getSteps().get(index).toStep();
            var message = send.messages().get(channel);
            if (message == null) {
                model.addAttribute("previewProblem", "У отправки «" + send.name() + "» нет текста для канала " + channel + ".");
                return "journey/builder :: preview";
            }
            var coupon = couponBefore(form, index);
            var template = new ChannelTemplate(message.subject(), message.body());
            model.addAttribute("rendered", coupon == null ? previews.preview(actor.workspaceId(), found.id(), template, channel)
                    : previews.preview(actor.workspaceId(), found.id(), template, channel, coupon));
            model.addAttribute("previewChannel", channel);
        } catch (TemplateProblem | IllegalArgumentException | IndexOutOfBoundsException | ClassCastException e) {
            model.addAttribute("previewProblem", e.getMessage());
        }
        return "journey/builder :: preview";
    }

    /** The coupon a step before the send issues, so the preview shows its discount. */
    private static @Nullable CouponSpec couponBefore(JourneyForm form, int index) {
        for (var i = index - 1; i >= 0; i--) {
            try {
                if (form.getSteps().get(i).toStep() instanceof Step.IssueCoupon coupon) {
                    return new CouponSpec("PREVIEW", coupon.terms().discount(), coupon.terms().validFor());
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
