package io.beseda.channel.vk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.CustomerTyping;
import io.beseda.consent.Channel;
import io.beseda.consent.ConsentSource;
import io.beseda.consent.Consents;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import tools.jackson.databind.JsonNode;

/**
 * What a customer says about the community's messages without writing one. {@code message_deny} ("Запретить
 * сообщения"): the customer does not want the community to write, which the consent ledger keeps as a STOP in VK —
 * marketing there ends at once, and VK itself refuses everything else (error 901) until the customer writes again.
 * {@code message_allow} grants no consent: allowing a community to write is not the consent to advertising 38-FZ
 * asks for, so a refusal in force stays until the customer consents the way the shop records consent.
 * {@code message_typing_state} shows in the inbox as the customer typing, at most every three seconds.
 */
@Component
class VkCustomerSignals {

    private static final Logger log = LoggerFactory.getLogger(VkCustomerSignals.class);
    private static final Duration TYPING_EVERY = Duration.ofSeconds(3);

    private final Customers customers;
    private final Consents consents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Instant> typingShown = new ConcurrentHashMap<>();

    VkCustomerSignals(Customers customers, Consents consents, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.consents = consents;
        this.events = events;
        this.clock = clock;
    }

    void denied(ChannelAccount account, JsonNode object) {
        var user = user(object, "user_id", "message_deny");
        // a refusal is worth a profile: if the shop later learns this VK id, the refusal is already on it
        customers.resolve(account.workspaceId(), List.of(Identity.of(IdentityKind.VK, Long.toString(user))), clock.instant())
                .ifPresent(customer -> consents.stop(account.workspaceId(), customer, Channel.VK, Long.toString(user), ConsentSource.STOP));
    }

    void allowed(ChannelAccount account, JsonNode object) {
        var user = user(object, "user_id", "message_allow");
        log.debug("VK user {} allowed messages from the community of account {}", user, account.id());
    }

    void typing(ChannelAccount account, JsonNode object) {
        var user = user(object, "from_id", "message_typing_state");
        if (!"typing".equals(object.path("state").asString(""))) {
            return;
        }
        var now = clock.instant();
        var key = account.id() + ":" + user;
        var last = typingShown.get(key);
        if (last != null && last.plus(TYPING_EVERY).isAfter(now)) {
            return;
        }
        if (typingShown.size() > 10_000) {
            typingShown.clear();
        }
        typingShown.put(key, now);
        customers.findBy(account.workspaceId(), Identity.of(IdentityKind.VK, Long.toString(user)))
                .ifPresent(customer -> events.publishEvent(new CustomerTyping(account.workspaceId(), customer, Channel.VK)));
    }

    private static long user(JsonNode object, String field, String event) {
        var user = object.path(field).asLong(0);
        if (user <= 0) {
            throw new VkRefusal(HttpStatus.BAD_REQUEST, "Malformed event", event + " needs " + field);
        }
        return user;
    }
}
