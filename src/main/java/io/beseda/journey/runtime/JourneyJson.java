package io.beseda.journey.runtime;

import org.springframework.stereotype.Component;

import io.beseda.journey.definition.JourneyDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journey definitions as JSON (stored per version, sent and received by the API): durations in ISO-8601
 * («PT45M»), times of day as «09:00», steps and triggers tagged by {@code type}.
 */
@Component
public class JourneyJson {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String write(JourneyDefinition definition) {
        return json.writeValueAsString(definition);
    }

    /** @throws IllegalArgumentException with what is wrong, in words a person can act on */
    public JourneyDefinition read(String text) {
        try {
            return json.readValue(text, JourneyDefinition.class);
        } catch (JacksonException e) {
            var cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException("Описание пути не читается: " + cause, e);
        }
    }
}
