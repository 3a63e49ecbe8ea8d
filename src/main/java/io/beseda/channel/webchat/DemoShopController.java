package io.beseda.channel.webchat;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Workspaces;

/**
 * The demo shop (static/demo/shop): catalogue, product, cart and checkout pages with the storefront
 * tracker and the web chat on each, so a newcomer plays the customer in one tab and the operator in the
 * console in another. Public, and there only while the demo workspace is.
 */
@Controller
class DemoShopController {

    private final Workspaces workspaces;
    private final DemoWebChat demoChat;

    DemoShopController(Workspaces workspaces, DemoWebChat demoChat) {
        this.workspaces = workspaces;
        this.demoChat = demoChat;
    }

    @GetMapping({"/demo/shop", "/demo/shop/"})
    String catalogue() {
        return "forward:/demo/shop/index.html";
    }

    @GetMapping("/demo/shop/product")
    String product() {
        return "forward:/demo/shop/product.html";
    }

    @GetMapping("/demo/shop/cart")
    String cart() {
        return "forward:/demo/shop/cart.html";
    }

    /** The demo web chat's public token, which a real shop would write into its pages. */
    @GetMapping("/demo/shop/config")
    @ResponseBody
    Map<String, String> config() {
        var demo = workspaces.findBySlug(DemoWebChat.DEMO_SLUG).orElseThrow(() -> new NotFoundException("Workspace", DemoWebChat.DEMO_SLUG));
        return Map.of("chatToken", demoChat.ensure(demo).settings().inboxToken());
    }
}
