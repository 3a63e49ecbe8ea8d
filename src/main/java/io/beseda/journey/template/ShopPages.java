package io.beseda.journey.template;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.beseda.workspace.WorkspaceId;

/**
 * Where a shop's own pages are: its site ({@code shop.url} in templates) and its cart page, where a cart link
 * sends the customer with {@code ?beseda_cart=<token>} so the page can restore the cart from
 * {@code <public-url>/r/<token>/cart}.
 */
@Service
public class ShopPages {

    /** The query parameter a cart page reads the restore token from. */
    public static final String RESTORE_PARAMETER = "beseda_cart";

    /** Both optional: a workspace that named neither gets Beseda's own cart page behind its links. */
    public record Pages(@Nullable String siteUrl, @Nullable String cartUrl) {

        public static final Pages NONE = new Pages(null, null);

        public Pages {
            siteUrl = checked(siteUrl, "site");
            cartUrl = checked(cartUrl, "cart page");
        }

        private static @Nullable String checked(@Nullable String url, String what) {
            if (url == null || url.isBlank()) {
                return null;
            }
            var stripped = url.strip();
            try {
                var uri = URI.create(stripped);
                if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        || uri.getHost() == null || stripped.length() > 2000) {
                    throw new IllegalArgumentException("The shop's " + what + " is an http(s) address");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The shop's " + what + " is an http(s) address", e);
            }
            return stripped;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ShopPages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Pages of(WorkspaceId workspace) {
        return jdbc.sql("select site_url, cart_url from shop_page where workspace_id = ?").param(workspace.value())
                .query((row, n) -> new Pages(row.getString(1), row.getString(2))).optional().orElse(Pages.NONE);
    }

    public void save(WorkspaceId workspace, Pages pages) {
        jdbc.sql("""
                insert into shop_page (workspace_id, site_url, cart_url, updated_at) values (?, ?, ?, ?)
                on conflict (workspace_id) do update set site_url = excluded.site_url, cart_url = excluded.cart_url,
                    updated_at = excluded.updated_at""")
                .params(workspace.value(), pages.siteUrl(), pages.cartUrl(), Timestamp.from(clock.instant())).update();
    }

    /** Where a cart link leads: the shop's cart page with the restore parameter, if the shop named one. */
    @Nullable String restoreUrl(WorkspaceId workspace, String token) {
        var cart = of(workspace).cartUrl();
        if (cart == null) {
            return null;
        }
        var fragment = cart.indexOf('#');
        var page = fragment < 0 ? cart : cart.substring(0, fragment);
        return page + (page.contains("?") ? "&" : "?") + RESTORE_PARAMETER + "=" + token + (fragment < 0 ? "" : cart.substring(fragment));
    }
}
