package io.beseda.customer.segment;

import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.customer.Segment;
import io.beseda.customer.SegmentId;
import io.beseda.customer.segment.rule.InvalidRuleException;
import io.beseda.customer.segment.rule.RuleParser;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.Actor;
import tools.jackson.databind.json.JsonMapper;

/** The form that creates or changes a segment, with a preview count before saving. */
@Controller
@RequestMapping("/customers/segments")
class SegmentFormConsoleController {

    static final String EXAMPLE = """
            {"all": [
              {"viewedCategory": {"products": 3, "days": 7}},
              {"noOrder": {"days": 7}}
            ]}""";
    static final int PREVIEW_SAMPLE = 10;

    private final SegmentStore store;
    private final SegmentEditor editor;
    private final MessageSource messages;
    private final JsonMapper json;

    SegmentFormConsoleController(SegmentStore store, SegmentEditor editor, MessageSource messages, JsonMapper json) {
        this.store = store;
        this.editor = editor;
        this.messages = messages;
        this.json = json;
    }

    record SegmentForm(String name, String rule) {
    }

    @GetMapping("/new")
    String newSegment(Actor actor, Model model) {
        SegmentPermissions.requireEditor(actor);
        return form(model, null, new SegmentForm("", EXAMPLE));
    }

    @PostMapping
    String create(Actor actor, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String rule,
                  Model model, RedirectAttributes redirect) {
        SegmentPermissions.requireEditor(actor);
        var form = new SegmentForm(name, rule);
        return save(model, null, form, redirect,
                () -> editor.create(actor.workspaceId(), name, RuleParser.readTree(rule)).segment());
    }

    @GetMapping("/{segmentId}/edit")
    String edit(Actor actor, @PathVariable UUID segmentId, Model model, RedirectAttributes redirect) {
        SegmentPermissions.requireEditor(actor);
        var segment = store.get(actor.workspaceId(), new SegmentId(segmentId));
        if (segment.segment().builtIn()) {
            redirect.addFlashAttribute("error", "segment.built-in");
            return "redirect:/customers/segments/" + segmentId;
        }
        var rule = json.readTree(segment.rule()).toPrettyString();
        return form(model, segment.segment(), new SegmentForm(segment.segment().name(), rule));
    }

    @PostMapping("/{segmentId}")
    String update(Actor actor, @PathVariable UUID segmentId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String rule, Model model, RedirectAttributes redirect) {
        SegmentPermissions.requireEditor(actor);
        var segment = store.get(actor.workspaceId(), new SegmentId(segmentId)).segment();
        return save(model, segment, new SegmentForm(name, rule), redirect,
                () -> editor.update(actor.workspaceId(), segment.id(), name, RuleParser.readTree(rule)).segment());
    }

    @PostMapping("/preview")
    String previewNew(Actor actor, @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "") String rule, Model model) {
        return preview(actor, null, new SegmentForm(name, rule), model);
    }

    @PostMapping("/{segmentId}/preview")
    String previewChange(Actor actor, @PathVariable UUID segmentId, @RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String rule, Model model) {
        var segment = store.get(actor.workspaceId(), new SegmentId(segmentId)).segment();
        return preview(actor, segment, new SegmentForm(name, rule), model);
    }

    private String preview(Actor actor, @Nullable Segment segment, SegmentForm form, Model model) {
        SegmentPermissions.requireEditor(actor);
        try {
            model.addAttribute("preview", editor.preview(actor.workspaceId(), RuleParser.readTree(form.rule()), PREVIEW_SAMPLE));
        } catch (InvalidRuleException e) {
            model.addAttribute("ruleError", describe(e));
        }
        return form(model, segment, form);
    }

    private String save(Model model, @Nullable Segment segment, SegmentForm form, RedirectAttributes redirect,
                        Supplier<Segment> change) {
        var name = form.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            model.addAttribute("nameError", "segment.form.name.invalid");
            return form(model, segment, form);
        }
        try {
            var saved = change.get();
            redirect.addFlashAttribute("notice", "segment.saved");
            redirect.addFlashAttribute("noticeArg", saved.name());
            return "redirect:/customers/segments/" + saved.id();
        } catch (InvalidRuleException e) {
            model.addAttribute("ruleError", describe(e));
        } catch (RuleViolationException e) {
            model.addAttribute("error", e.code());
        }
        return form(model, segment, form);
    }

    /** What is wrong with the rule, in the reader's language: {@code rule.orders.days — должно быть …}. */
    private String describe(InvalidRuleException e) {
        var reason = messages.getMessage("segment.rule." + e.problem().code(), e.arguments().toArray(), e.reason(),
                LocaleContextHolder.getLocale());
        return e.path() + " — " + reason;
    }

    private static String form(Model model, @Nullable Segment segment, SegmentForm form) {
        model.addAttribute("segment", segment);
        model.addAttribute("form", form);
        model.addAttribute("action", segment == null ? "/customers/segments" : "/customers/segments/" + segment.id());
        model.addAttribute("previewAction", segment == null ? "/customers/segments/preview"
                : "/customers/segments/" + segment.id() + "/preview");
        return "customers/segments/form";
    }
}
