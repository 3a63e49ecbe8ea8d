package io.beseda.journey.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Step;

/** The Liquid problems of a journey's texts, each named by its step and channel. */
@Component
class TemplateChecks {

    List<String> problems(JourneyDefinition definition) {
        var problems = new ArrayList<String>();
        for (var step : definition.steps()) {
            if (step instanceof Step.Send send) {
                send.messages().forEach((channel, message) -> {
                    // Liquid syntax is checked by the template package once it is on main (branch templates).
                });
            }
        }
        return problems;
    }
}
