package io.beseda.journey.template;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.exceptions.LiquidException;
import liqp.filters.Filter;
import liqp.parser.Flavor;

/**
 * Liquid by Liqp for journeys' messages: strict parsing, no includes (nothing is read from disk), bounded loops
 * and output (not time: Liqp's time limit hands every render to another thread, forty times slower), and the
 * Russian filters {@code money}, {@code plural} and {@code date}. Output is plain text:
 * nothing is escaped or interpreted, so what a customer typed comes out as they typed it. Parsed templates are
 * kept (a journey sends the same few texts to many customers); a template that cannot be used is said in Russian
 * with its line.
 */
@Component
class LiquidTemplates {

    /** Longest text a template may produce; SMS are cut into parts by the channel, not here. */
    static final int MAX_OUTPUT = 20_000;
    static final int MAX_SOURCE = 20_000;

    /** The variable the renderer puts the customer's time zone in, for {@code date}. */
    static final String ZONE = "__beseda_zone";

    private static final int CACHED = 500;
    private static final Pattern LINE = Pattern.compile("line (\\d+), index (\\d+)");

    /** A filter used the wrong way in the template itself (not a matter of the customer's data). */
    static final class Misused extends IllegalArgumentException {

        Misused(String message) {
            super(message);
        }
    }

    private final TemplateParser parser = new TemplateParser.Builder()
            .withFlavor(Flavor.LIQUID)
            .withErrorMode(TemplateParser.ErrorMode.STRICT)
            .withNameResolver(name -> {
                throw new IOException("Journey templates cannot include other files");
            })
            .withMaxIterations(10_000)
            .withMaxSizeRenderedString(MAX_OUTPUT)
            .withMaxTemplateSizeBytes(MAX_SOURCE * 4L)
            .withFilter(new Filter("money") {
                @Override
                public Object apply(Object value, TemplateContext context, Object... params) {
                    return RussianFormats.money(value, params.length > 0 ? params[0] : null);
                }
            })
            .withFilter(new Filter("plural") {
                @Override
                public Object apply(Object value, TemplateContext context, Object... params) {
                    if (params.length != 3) {
                        throw new Misused("фильтру plural нужны три слова: plural: \"товар\", \"товара\", \"товаров\"");
                    }
                    return RussianFormats.plural(value, String.valueOf(params[0]), String.valueOf(params[1]),
                            String.valueOf(params[2]));
                }
            })
            .withFilter(new Filter("date") {
                @Override
                public Object apply(Object value, TemplateContext context, Object... params) {
                    var zone = context.get(ZONE) instanceof ZoneId id ? id : ZoneId.of("Europe/Moscow");
                    return RussianFormats.date(value, params.length > 0 && params[0] != null ? params[0].toString() : null, zone);
                }
            })
            .build();

    private final Map<String, Template> parsed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
            return size() > CACHED;
        }
    });

    /** The parsed template, or a problem naming the part («Текст», «Тема») and the line. */
    Template parse(String part, String source) {
        if (source.length() > MAX_SOURCE) {
            throw new TemplateProblem(part + ": шаблон длиннее " + MAX_SOURCE + " знаков", 0);
        }
        var known = parsed.get(source);
        if (known != null) {
            return known;
        }
        try {
            var template = parser.parse(source);
            parsed.put(source, template);
            return template;
        } catch (LiquidException e) {
            throw problem(part, e.line, e.getMessage());
        } catch (RuntimeException e) {
            throw problem(part, lineOf(e.getMessage()), e.getMessage());
        }
    }

    String render(String part, String source, Map<String, Object> variables) {
        var template = parse(part, source);
        try {
            return render(template, variables);
        } catch (RuntimeException e) {
            throw renderProblem(part, e);
        }
    }

    /**
     * What only shows when a template is filled in, found by filling it with nothing: a filter that does not exist
     * (Liqp looks filters up as it renders). Other failures depend on the data and are not guessed at here.
     */
    void checkFilters(String part, String source) {
        var template = parse(part, source);
        try {
            render(template, Map.of());
        } catch (RuntimeException e) {
            if (messages(e).contains("no filter available") || hasCause(e, Misused.class)) {
                throw renderProblem(part, e);
            }
        }
    }

    /**
     * A Liqp template keeps the context of the render in progress in a field, so two threads filling in one parsed
     * template at once could swap customers. One render at a time per parsed template; the data is read before.
     */
    private static String render(Template template, Map<String, Object> variables) {
        synchronized (template) {
            return template.render(variables);
        }
    }

    private static TemplateProblem renderProblem(String part, RuntimeException e) {
        var messages = messages(e);
        if (messages.contains("rendered string exceeds")) {
            return new TemplateProblem(part + ": получилось длиннее " + MAX_OUTPUT + " знаков — проверьте циклы в шаблоне", 0);
        }
        if (messages.contains("exceeded the max amount of iterations") || hasCause(e, liqp.exceptions.ExceededMaxIterationsException.class)) {
            return new TemplateProblem(part + ": слишком много повторений в циклах", 0);
        }
        var line = lineOf(messages);
        if (messages.contains("no filter available")) {
            return problem(part, line, messages);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Misused misused) {
                return new TemplateProblem(part + (line > 0 ? ", строка " + line : "") + ": " + misused.getMessage(), line);
            }
        }
        return new TemplateProblem(part + (line > 0 ? ", строка " + line : "") + ": не удалось заполнить шаблон ("
                + detail(deepest(e)) + ")", line);
    }

    /** Liqp wraps what went wrong («Oops, something unexpected happened»); the reason is further down. */
    private static String messages(Throwable e) {
        var all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String deepest(Throwable e) {
        var message = String.valueOf(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static TemplateProblem problem(String part, int line, @Nullable String message) {
        return new TemplateProblem(part + (line > 0 ? ", строка " + line : "") + ": " + explain(message), line);
    }

    /** Liqp (ANTLR) says what it expected in English; the marketer gets the gist in Russian and the raw part to find it. */
    static String explain(@Nullable String message) {
        var text = message == null ? "" : message;
        var filter = Pattern.compile("no filter available named: \\|?(\\S+)").matcher(text);
        if (filter.find()) {
            return "нет фильтра «" + filter.group(1) + "»; есть, например, money, plural, date, upcase, default";
        }
        if (text.contains("'<EOF>'")) {
            return "шаблон кончился раньше, чем закрыт тег или блок (не хватает «}}», «%}» или {% endif %}/{% endfor %})";
        }
        var input = Pattern.compile("at input '(.*)'", Pattern.DOTALL).matcher(text);
        if (input.find()) {
            return "не получается разобрать «" + shorten(input.group(1)) + "» — проверьте скобки {{ }} и {% %}";
        }
        var mismatched = Pattern.compile("(?:mismatched|extraneous) input '(.*?)'", Pattern.DOTALL).matcher(text);
        if (mismatched.find()) {
            return "лишнее или не на своём месте: «" + shorten(mismatched.group(1)) + "»";
        }
        return "ошибка в шаблоне (" + detail(text) + ")";
    }

    private static int lineOf(@Nullable String message) {
        if (message == null) {
            return 0;
        }
        Matcher line = LINE.matcher(message);
        return line.find() ? Integer.parseInt(line.group(1)) : 0;
    }

    private static String detail(String message) {
        var first = message.lines().findFirst().orElse("").replaceFirst("^error on line \\d+, index \\d+: ", "").strip();
        return shorten(first);
    }

    private static String shorten(String text) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
