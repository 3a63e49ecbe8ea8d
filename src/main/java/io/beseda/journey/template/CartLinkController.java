package io.beseda.journey.template;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

import io.beseda.workspace.Workspaces;

/**
 * The public side of cart links. {@code GET /r/<token>} counts the click (every follow is a row in
 * {@code journey_click}; statistics count distinct run and step, since people and link previews open a link more
 * than once) and sends the customer to the shop's cart page with the restore parameter, or, when the shop named
 * no cart page, shows the cart here. {@code GET /r/<token>/cart} is what the shop's page restores the cart from:
 * JSON that any origin may read, as the token alone authorises it. A token that is not genuine gets a plain
 * Russian page (or JSON) with 404.
 */
@Controller
class CartLinkController {

    record RestoredItem(@Nullable String productId, String name, @Nullable BigDecimal price, int quantity,
                        @Nullable String picture, @Nullable String url) {
    }

    record RestoredCart(List<RestoredItem> items, BigDecimal total, String currency, int count) {
    }

    record Refusal(String error) {
    }

    private final CartLinks links;
    private final ShopPages pages;
    private final CartContents carts;
    private final Workspaces workspaces;
    private final JdbcClient jdbc;
    private final Clock clock;

    CartLinkController(CartLinks links, ShopPages pages, CartContents carts, Workspaces workspaces, JdbcClient jdbc, Clock clock) {
        this.links = links;
        this.pages = pages;
        this.carts = carts;
        this.workspaces = workspaces;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/r/{token}")
    ModelAndView follow(@PathVariable String token) {
        var target = links.read(token);
        if (target.isEmpty()) {
            return new ModelAndView("journey/cart-link-invalid", HttpStatus.NOT_FOUND);
        }
        var link = target.get();
        if (!link.preview()) {
            jdbc.sql("insert into journey_click (workspace_id, run_id, step_id, customer_id, clicked_at) values (?, ?, ?, ?, ?)")
                    .params(link.workspace().value(), link.runId(), link.stepId(), link.customer().value(),
                            Timestamp.from(clock.instant()))
                    .update();
        }
        var shopCart = pages.restoreUrl(link.workspace(), token);
        if (shopCart != null) {
            var redirect = new ModelAndView("redirect:" + shopCart);
            redirect.setStatus(HttpStatus.FOUND);
            return redirect;
        }
        var page = new ModelAndView("journey/cart-link-cart", HttpStatus.OK);
        page.addObject("cart", carts.of(link.workspace(), link.customer()));
        workspaces.find(link.workspace()).ifPresent(w -> page.addObject("shop", w.name()));
        return page;
    }

    @GetMapping("/r/{token}/cart")
    @ResponseBody
    ResponseEntity<?> cart(@PathVariable String token) {
        var target = links.read(token);
        var response = target.isEmpty() ? ResponseEntity.status(HttpStatus.NOT_FOUND) : ResponseEntity.ok();
        response.header("Access-Control-Allow-Origin", "*").cacheControl(CacheControl.noStore());
        if (target.isEmpty()) {
            return response.body(new Refusal("Ссылка на корзину недействительна"));
        }
        var cart = carts.of(target.get().workspace(), target.get().customer());
        return response.body(new RestoredCart(cart.items().stream()
                .map(i -> new RestoredItem(i.id(), i.name(), i.price(), i.quantity(), i.picture(), i.url())).toList(),
                cart.total(), cart.currency(), cart.count()));
    }
}
