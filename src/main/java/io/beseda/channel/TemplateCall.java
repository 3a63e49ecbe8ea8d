package io.beseda.channel;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template message as it travels in the outbox: the body of an {@link OutboundMessage} whose {@code template}
 * flag is set is this record as JSON, {@code {"name": "order_ready", "language": "ru", "parameters": {"1": "DM-10023"}}}.
 * Parameters are the template body's, by number ({@code {{1}}}) or by name ({@code {{first_name}}}).
 */
public record TemplateCall(String name, String language, Map<String, String> parameters) {

    public TemplateCall {
        if (name == null || name.isBlank() || language == null || language.isBlank()) {
            throw new IllegalArgumentException("A template call needs the template's name and language");
        }
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The outbox body for this call. */
    public String toBody() {
        return JsonMapper.shared().writeValueAsString(this);
    }

    /** @throws IllegalArgumentException when the body is not a template call */
    public static TemplateCall parse(String body) {
        try {
            var call = JsonMapper.shared().readValue(body, TemplateCall.class);
            if (call == null) {
                throw new IllegalArgumentException("An empty template call");
            }
            return call;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("A template message's body must be {\"name\", \"language\", \"parameters\"}: "
                    + e.getOriginalMessage(), e);
        }
    }
}
