package io.beseda.channel;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.beseda.consent.Channel;

/**
 * A message template the provider approved for an account (WhatsApp: outside the 24-hour window only these
 * may be sent). Kept by {@link MessageTemplates}; sent as an {@link OutboundMessage} with {@code template} set
 * and {@link #call} as its body.
 *
 * @param text       what the customer sees, header, body and footer, with the parameters as {@code {{1}}} or
 *                   {@code {{name}}}
 * @param parameters the body's parameters in the order they appear ("1", "2"… or the names of named ones)
 */
public record MessageTemplate(UUID id, UUID accountId, Channel channel, String name, String language, String category,
                              String text, List<String> parameters) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public MessageTemplate {
        parameters = List.copyOf(parameters);
    }

    /** The text with the values in place of the parameters, as the customer will read it. */
    public String render(Map<String, String> values) {
        return PLACEHOLDER.matcher(text).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                values.getOrDefault(match.group(1), match.group())));
    }

    /**
     * What goes to the provider for these values.
     *
     * @throws IllegalArgumentException when a parameter has no value, or a value names no parameter
     */
    public TemplateCall call(Map<String, String> values) {
        for (var parameter : parameters) {
            var value = values.get(parameter);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("The template " + name + " needs a value for {{" + parameter + "}}");
            }
        }
        for (var given : values.keySet()) {
            if (!parameters.contains(given)) {
                throw new IllegalArgumentException("The template " + name + " has no parameter {{" + given + "}}");
            }
        }
        var ordered = new java.util.LinkedHashMap<String, String>();
        parameters.forEach(p -> ordered.put(p, values.get(p).strip()));
        return new TemplateCall(name, language, ordered);
    }
}
