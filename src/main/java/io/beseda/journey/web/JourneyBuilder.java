package io.beseda.journey.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.beseda.consent.Channel;
import io.beseda.customer.Segments;
import io.beseda.journey.definition.Condition;
import io.beseda.journey.definition.EntryRule;
import io.beseda.journey.definition.JourneyDefinition;
import io.beseda.journey.definition.Validation;
import io.beseda.journey.runtime.JourneyCatalog;
import io.beseda.journey.runtime.JourneyJson;
import io.beseda.journey.runtime.JourneySummary;
import io.beseda.workspace.Actor;

/** Fills the builder page: the form as typed, what keeps the journey from launching, its versions and the JSON. */
@Component
class JourneyBuilder {

    static final String VIEW = "journey/builder";

    private final JourneyCatalog catalog;
    private final JourneyJson json;
    private final Segments segments;
    private final TemplateChecks templates;

    JourneyBuilder(JourneyCatalog catalog, JourneyJson json, Segments segments, TemplateChecks templates) {
        this.catalog = catalog;
        this.json = json;
        this.segments = segments;
        this.templates = templates;
    }

    /** Everything that stops the form from launching: what cannot be read, dead ends, missing and broken texts. */
    List<String> problems(JourneyForm form) {
        try {
            return problems(form.toDefinition());
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    List<String> problems(JourneyDefinition definition) {
        var problems = new ArrayList<>(Validation.problems(definition));
        problems.addAll(templates.problems(definition));
        return problems;
    }

    String page(Actor actor, JourneySummary journey, JourneyForm form, Model model) {
        model.addAttribute("journey", journey);
        model.addAttribute("form", form);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", problems(form));
        }
        model.addAttribute("versions", catalog.versions(actor.workspaceId(), journey.id()));
        if (!model.containsAttribute("json")) {
            model.addAttribute("json", json.write(catalog.draft(actor.workspaceId(), journey.id()).definition()));
        }
        model.addAttribute("canEdit", JourneyPermissions.canEdit(actor));
        model.addAttribute("stepTypes", StepForm.TYPES);
        model.addAttribute("triggers", JourneyForm.TRIGGERS);
        model.addAttribute("operators", Condition.Operator.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("entryKinds", EntryRule.Kind.values());
        model.addAttribute("segments", segments.list(actor.workspaceId()));
        return VIEW;
    }

    JourneyForm stored(Actor actor, UUID journey) {
        var summary = catalog.get(actor.workspaceId(), journey);
        return JourneyForm.of(summary.name(), catalog.draft(actor.workspaceId(), journey).definition());
    }
}
