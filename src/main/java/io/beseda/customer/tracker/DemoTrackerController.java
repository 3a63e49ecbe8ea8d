package io.beseda.customer.tracker;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Workspace;
import io.beseda.workspace.Workspaces;

/**
 * The demo shop page (static/demo/tracker.html), public, so a newcomer can click through a shop and
 * watch the events arrive on the customer's timeline. It exists only while the demo workspace does.
 */
@Controller
class DemoTrackerController {

    static final String DEMO_SLUG = "demo";

    private final Workspaces workspaces;
    private final Trackers trackers;

    DemoTrackerController(Workspaces workspaces, Trackers trackers) {
        this.workspaces = workspaces;
        this.trackers = trackers;
    }

    @GetMapping("/demo/tracker")
    String page() {
        demo();
        return "forward:/demo/tracker.html";
    }

    /** The demo workspace's public tracker token, which a real shop would write into its pages. */
    @GetMapping("/demo/tracker/config")
    @ResponseBody
    Map<String, String> config() {
        return Map.of("token", trackers.of(demo().id()).token());
    }

    private Workspace demo() {
        return workspaces.findBySlug(DEMO_SLUG).orElseThrow(() -> new NotFoundException("Workspace", DEMO_SLUG));
    }
}
