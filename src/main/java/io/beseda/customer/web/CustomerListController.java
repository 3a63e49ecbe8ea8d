package io.beseda.customer.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.beseda.customer.CustomerDirectory;
import io.beseda.workspace.Actor;

/**
 * Покупатели: search by name, phone or e-mail with filters, a page at a time. Typing in the search box
 * asks htmx for the table alone; without script the same address answers the whole page.
 */
@Controller
class CustomerListController {

    static final int PAGE_SIZE = 50;
    static final String TABLE_ID = "customers-table";

    private final CustomerDirectory directory;

    CustomerListController(CustomerDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/customers")
    String list(Actor actor, @RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false) @Nullable String city,
                @RequestParam(defaultValue = "false") boolean cart, @RequestParam(defaultValue = "false") boolean orders,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Target", required = false) @Nullable String target, Model model) {
        var query = new CustomerDirectory.Query(trim(q, 200), trim(city, 100), cart, orders, page, PAGE_SIZE);
        var result = directory.search(actor.workspaceId(), query);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.customers().stream().map(CustomerRow::of).toList());
        model.addAttribute("q", query.text());
        model.addAttribute("city", query.city());
        model.addAttribute("cart", cart);
        model.addAttribute("orders", orders);
        if (TABLE_ID.equals(target)) {
            return "customers/list :: table";
        }
        model.addAttribute("cities", directory.cities(actor.workspaceId()));
        return "customers/list";
    }

    private static @Nullable String trim(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
