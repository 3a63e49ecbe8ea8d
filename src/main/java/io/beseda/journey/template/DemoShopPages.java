package io.beseda.journey.template;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.beseda.channel.WebhookUrls;
import io.beseda.workspace.Workspaces;

/**
 * Names the demo shop's pages (/demo/shop and its cart) for «Демо-магазин», so a cart link in the demo's messages
 * opens the demo shop's cart, filled. Only when the demo names none yet: what an admin set stays.
 */
@Component
@Order(6)
class DemoShopPages implements ApplicationRunner {

    private final Workspaces workspaces;
    private final ShopPages pages;
    private final String base;

    DemoShopPages(Workspaces workspaces, ShopPages pages, WebhookUrls urls) {
        this.workspaces = workspaces;
        this.pages = pages;
        this.base = urls.base();
    }

    @Override
    public void run(ApplicationArguments args) {
        workspaces.findBySlug("demo").filter(demo -> pages.of(demo.id()).equals(ShopPages.Pages.NONE))
                .ifPresent(demo -> pages.save(demo.id(), new ShopPages.Pages(base + "/demo/shop", base + "/demo/shop/cart")));
    }
}
