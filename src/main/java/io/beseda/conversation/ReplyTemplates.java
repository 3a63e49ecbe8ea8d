package io.beseda.conversation;

import java.io.IOException;
import java.util.Map;

import org.springframework.stereotype.Component;

import liqp.Template;
import liqp.TemplateParser;
import liqp.parser.Flavor;

/**
 * Liquid for canned replies, by Liqp. Strict parsing (a broken template is refused when saved), no
 * includes (nothing is read from disk), bounded loops and output. Output is plain text: nothing is escaped
 * here, and the console shows it as text, never as HTML.
 */
@Component
class ReplyTemplates {

    private final TemplateParser parser = new TemplateParser.Builder()
            .withFlavor(Flavor.LIQUID)
            .withErrorMode(TemplateParser.ErrorMode.STRICT)
            .withNameResolver(name -> {
                throw new IOException("Canned replies cannot include other files");
            })
            .withMaxIterations(10_000)
            .withMaxSizeRenderedString(20_000)
            .withMaxTemplateSizeBytes(CannedReplyDraft.MAX_BODY * 4L)
            .build();

    /** Parses the body, or says in one sentence why it cannot be used. */
    Template parse(String body) {
        try {
            return parser.parse(body);
        } catch (RuntimeException e) {
            throw new InvalidTemplateException("body", "The text is not a valid template: " + firstLine(e));
        }
    }

    String render(String body, Map<String, Object> variables) {
        try {
            return parse(body).render(variables);
        } catch (InvalidTemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidTemplateException("body", "The template could not be filled in: " + firstLine(e));
        }
    }

    private static String firstLine(RuntimeException e) {
        var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        var line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
