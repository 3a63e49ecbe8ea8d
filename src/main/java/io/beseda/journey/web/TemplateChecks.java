package io.beseda.journey.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Step;
import io.beseda.journey.template.ChannelTemplate;
import io.beseda.journey.template.MessageRenderer;

/** The Liquid problems of a journey's texts, each named by its step and channel, with the line. */
@Component
class TemplateChecks {

    private final MessageRenderer renderer;

    TemplateChecks(MessageRenderer renderer) {
        this.renderer = renderer;
    }

    List<String> problems(JourneyDefinition definition) {
        var problems = new ArrayList<String>();
        for (var step : definition.steps()) {
            if (step instanceof Step.Send send) {
                send.messages().forEach((channel, message) -> renderer.problems(new ChannelTemplate(message.subject(), message.body()))
                        .forEach(p -> problems.add("Отправка «" + send.name() + "», " + channel + ": " + p)));
            }
        }
        return problems;
    }
}
