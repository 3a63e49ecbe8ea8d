package io.beseda.channel.vk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Customers' names: VK's events carry only the user id, so the name comes from {@code users.get}, remembered
 * for an hour per community so a chatty customer costs one call an hour. A name VK does not give is no reason
 * to refuse a message: it is then taken in without one.
 */
@Component
class VkSenderNames {

    private static final Logger log = LoggerFactory.getLogger(VkSenderNames.class);
    private static final Duration KEPT = Duration.ofHours(1);
    private static final int MAX_KEPT = 50_000;

    private record Known(@Nullable String name, Instant until) {
    }

    private final VkApi api;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    VkSenderNames(VkApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Nullable String nameOf(VkSettings settings, long userId) {
        var key = settings.groupId() + ":" + userId;
        var now = clock.instant();
        var remembered = known.get(key);
        if (remembered != null && remembered.until().isAfter(now)) {
            return remembered.name();
        }
        String name;
        try {
            name = ask(settings, userId);
        } catch (VkException e) {
            // not remembered: the next message asks again
            log.info("VK gave no name for user {} of community {}: {}", userId, settings.groupId(), e.getMessage());
            return null;
        }
        if (known.size() >= MAX_KEPT) {
            known.entrySet().removeIf(entry -> !entry.getValue().until().isAfter(now));
            if (known.size() >= MAX_KEPT) {
                known.clear();
            }
        }
        known.put(key, new Known(name, now.plus(KEPT)));
        return name;
    }

    private @Nullable String ask(VkSettings settings, long userId) throws VkException {
        var user = api.call(settings.accessToken(), "users.get", Map.of("user_ids", userId)).path(0);
        var name = (user.path("first_name").asString("") + " " + user.path("last_name").asString("")).strip();
        return name.isEmpty() ? null : name;
    }
}
