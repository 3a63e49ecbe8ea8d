package io.beseda.journey.template;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Fills in a journey's templates for one customer: Liquid over the customer, their cart (with a link that
 * restores it), an order, the step's coupon, recommended products and the shop. The result is plain text for any
 * channel; what the customer or the shop's feed supplied comes out as it was written, never interpreted.
 */
@Service
public class MessageRenderer {

    static final String BODY = "Текст";
    static final String SUBJECT = "Тема";

    private final LiquidTemplates liquid;
    private final TemplateData data;

    MessageRenderer(LiquidTemplates liquid, TemplateData data) {
        this.liquid = liquid;
        this.data = data;
    }

    /**
     * The message for this customer and step.
     *
     * @throws TemplateProblem when the template is broken, cannot be filled in, comes out empty or longer than 20,000
     *                         characters; the message says which part and line, in Russian
     */
    public Rendered render(ChannelTemplate template, RenderFacts facts) {
        liquid.parse(BODY, template.body());
        if (template.subject() != null) {
            liquid.parse(SUBJECT, template.subject());
        }
        var variables = data.of(facts, template.subject(), template.body());
        var body = liquid.render(BODY, template.body(), variables).strip();
        if (body.isEmpty()) {
            throw new TemplateProblem(BODY + ": после подстановки сообщение получилось пустым", 0);
        }
        var subject = template.subject() == null ? null : oneLine(liquid.render(SUBJECT, template.subject(), variables));
        return new Rendered(subject == null || subject.isEmpty() ? null : subject, body);
    }

    /** What is wrong with a template, in Russian with the line, for the journey builder; empty when it can be used. */
    public List<String> problems(ChannelTemplate template) {
        var problems = new ArrayList<String>();
        if (template.body().isBlank()) {
            problems.add(BODY + ": пусто — напишите, что получит покупатель");
        }
        check(SUBJECT, template.subject(), problems);
        check(BODY, template.body(), problems);
        return List.copyOf(problems);
    }

    private void check(String part, @org.jspecify.annotations.Nullable String source, List<String> problems) {
        if (source == null) {
            return;
        }
        try {
            liquid.checkFilters(part, source);
        } catch (TemplateProblem problem) {
            problems.add(problem.getMessage());
        }
    }

    /** A subject is one line (a line break would end a mail header), and at most 300 characters. */
    private static String oneLine(String subject) {
        var line = subject.replaceAll("\\s+", " ").strip();
        var max = io.beseda.channel.OutboundMessage.MAX_SUBJECT;
        return line.length() <= max ? line : line.substring(0, max - 1).stripTrailing() + "…";
    }
}
