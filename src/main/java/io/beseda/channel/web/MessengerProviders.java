package io.beseda.channel.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.ChannelConnectorFactory;
import io.beseda.channel.ConnectionCheck;
import io.beseda.consent.Channel;

/** The providers Настройки → Мессенджеры manages: every connector factory that can check its connection. */
@Component
class MessengerProviders {

    /** A provider offered for a new account, with the fields its form asks for. */
    record Offered(String provider, @Nullable Channel channel, List<MessengerForms.Field> fields) {
    }

    /** Messengers first, as shops think of them, then SMS, e-mail and push; the sandbox last. */
    private static final List<Channel> ORDER = List.of(Channel.TELEGRAM, Channel.WHATSAPP, Channel.VIBER, Channel.VK, Channel.MAX,
            Channel.SMS, Channel.EMAIL, Channel.PUSH);

    private final List<ChannelConnectorFactory> factories;

    MessengerProviders(List<ChannelConnectorFactory> factories) {
        this.factories = factories.stream().filter(f -> f instanceof ConnectionCheck)
                .sorted(Comparator.comparing((ChannelConnectorFactory f) -> f.channel() == null ? Integer.MAX_VALUE : ORDER.indexOf(f.channel()))
                        .thenComparing(ChannelConnectorFactory::provider))
                .toList();
    }

    List<ChannelConnectorFactory> all() {
        return factories;
    }

    Optional<ChannelConnectorFactory> find(String provider) {
        return factories.stream().filter(f -> f.provider().equals(provider)).findFirst();
    }

    ConnectionCheck check(ChannelAccount account) {
        return (ConnectionCheck) find(account.provider()).orElseThrow();
    }
}
