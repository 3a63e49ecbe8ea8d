package io.beseda.catalog.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.beseda.catalog.CatalogImport;
import io.beseda.catalog.ImportHistory;
import io.beseda.catalog.CatalogQuality;
import io.beseda.catalog.search.CatalogSearch;
import io.beseda.catalog.search.Synonyms;
import io.beseda.workspace.Actor;
import io.beseda.workspace.Role;

/**
 * The console's «Каталог»: try a question as a customer would ask it and see what the bot would find, what
 * the catalogue lacks, and the feed imports (owners, admins and marketers upload a new feed here).
 */
@Controller
class CatalogConsoleController {

    static final String PAGE = "/catalog";

    private final CatalogSearch search;
    private final CatalogQuality quality;
    private final CatalogImport imports;
    private final ImportHistory history;
    private final Synonyms synonyms;

    CatalogConsoleController(CatalogSearch search, CatalogQuality quality, CatalogImport imports, ImportHistory history,
                             Synonyms synonyms) {
        this.synonyms = synonyms;
        this.search = search;
        this.quality = quality;
        this.imports = imports;
        this.history = history;
    }

    @GetMapping(PAGE)
    String page(Actor actor, @RequestParam(defaultValue = "") String q, Model model) {
        var workspace = actor.workspaceId();
        model.addAttribute("q", q);
        model.addAttribute("answer", q.isBlank() ? null : search.search(workspace, q, 8));
        model.addAttribute("quality", quality.report(workspace));
        model.addAttribute("imports", history.recent(workspace));
        model.addAttribute("mayImport", mayImport(actor));
        model.addAttribute("synonyms", synonyms.groups(workspace).stream().map(g -> String.join(", ", g))
                .collect(java.util.stream.Collectors.joining("\n")));
        return "catalog/catalog";
    }

    /** One group a line, words separated by commas: «худи, толстовка, свитшот». */
    @PostMapping(PAGE + "/synonyms")
    String synonyms(Actor actor, @RequestParam(defaultValue = "") String groups, RedirectAttributes redirect) {
        if (!mayImport(actor)) {
            throw new AccessDeniedException("Only owners, admins and marketers edit synonyms");
        }
        var parsed = groups.lines().map(line -> java.util.Arrays.asList(line.split(","))).filter(g -> !String.join("", g).isBlank()).toList();
        try {
            synonyms.replace(actor.workspaceId(), parsed);
            redirect.addFlashAttribute("notice", "catalog.synonyms.saved");
        } catch (io.beseda.shared.RuleViolationException e) {
            redirect.addFlashAttribute("problem", "catalog.synonyms.invalid");
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/imports")
    String upload(Actor actor, @RequestParam("feed") @Nullable MultipartFile feed, RedirectAttributes redirect) throws IOException {
        if (!mayImport(actor)) {
            throw new AccessDeniedException("Only owners, admins and marketers import feeds");
        }
        if (feed == null || feed.isEmpty()) {
            redirect.addFlashAttribute("problem", "catalog.import.empty");
            return "redirect:" + PAGE;
        }
        try (var in = feed.getInputStream()) {
            var report = imports.importYml(actor.workspaceId(), in, "загрузка · upload: " + name(feed));
            redirect.addFlashAttribute(report.failed() ? "problem" : "notice", report.failed() ? "catalog.import.failed" : "catalog.import.done");
        }
        return "redirect:" + PAGE;
    }

    private static boolean mayImport(Actor actor) {
        return actor.role() == Role.OWNER || actor.role() == Role.ADMIN || actor.role() == Role.MARKETER;
    }

    private static String name(MultipartFile feed) {
        var name = feed.getOriginalFilename();
        return name == null || name.isBlank() ? "feed.xml" : name.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
    }
}
