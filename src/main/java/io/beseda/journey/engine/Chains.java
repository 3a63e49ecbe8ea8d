package io.beseda.journey.engine;

import java.util.ArrayList;
import java.util.List;

import io.beseda.consent.Channel;
import io.beseda.journey.definition.Step;

/** The order a send tries its channels in. */
final class Chains {

    private Chains() {
    }

    /** As the marketer listed them; with "best channel", the customer's preferred ones of those first. */
    static List<Channel> order(Step.Send send, List<Channel> preferred) {
        if (!send.bestChannel()) {
            return send.channels();
        }
        var chain = new ArrayList<Channel>();
        preferred.stream().filter(send.channels()::contains).forEach(chain::add);
        send.channels().stream().filter(c -> !chain.contains(c)).forEach(chain::add);
        return chain;
    }
}
