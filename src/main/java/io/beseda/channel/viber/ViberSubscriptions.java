package io.beseda.channel.viber;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.beseda.channel.ChannelAccount;
import io.beseda.consent.Channel;
import io.beseda.consent.Suppressions;
import io.beseda.customer.CustomerId;
import io.beseda.customer.Customers;
import io.beseda.customer.Identity;
import io.beseda.customer.IdentityKind;
import io.beseda.shared.NotFoundException;
import io.beseda.workspace.Actor;

/**
 * A customer who unsubscribes from the bot can no longer be written to on Viber: Viber refuses every message
 * to them (status 6). Beseda records that as a suppression of the customer and their Viber id in the Viber
 * channel, so the send policy stops service and marketing messages before they are tried, says why
 * ("suppressed"), and journeys fail over to another channel at once. It is not a marketing refusal in the
 * consent ledger: unsubscribing from a chat bot is a fact about the channel (like a bounced e-mail), not the
 * customer's word on advertising, and it is undone by the customer alone — subscribing again or writing to the
 * bot (which subscribes them) lifts the suppression this class made, and nothing else.
 */
@Component
class ViberSubscriptions {

    private final JdbcClient jdbc;
    private final Suppressions suppressions;
    private final Customers customers;
    private final TransactionTemplate transactions;

    ViberSubscriptions(JdbcClient jdbc, Suppressions suppressions, Customers customers, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.suppressions = suppressions;
        this.customers = customers;
        this.transactions = transactions;
    }

    /** The user unsubscribed; nothing to do for someone Beseda never heard from (there is nobody to send to). */
    void unsubscribed(ChannelAccount account, String userId, Instant at) {
        var customer = customers.findBy(account.workspaceId(), Identity.of(IdentityKind.VIBER, userId)).orElse(null);
        if (customer == null) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            var known = jdbc.sql("select count(*) from viber_unsubscribed where account_id = ? and customer_id = ?")
                    .params(account.id(), customer.value()).query(Long.class).single() > 0;
            if (known) {
                return;
            }
            var suppression = suppressions.add(actor(account), Channel.VIBER, userId, customer,
                    "Отписался от Viber-бота «" + account.name() + "»");
            var inserted = jdbc.sql("""
                    insert into viber_unsubscribed (workspace_id, account_id, customer_id, suppression_id, unsubscribed_at)
                    values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(account.workspaceId().value(), account.id(), customer.value(), suppression.id(), Timestamp.from(at))
                    .update();
            if (inserted == 0) {
                // the same event redelivered at the same moment: the other one's suppression stands, this one goes
                status.setRollbackOnly();
            }
        });
    }

    /** The user subscribed (again); a known customer's Viber suppression, if this class made one, is lifted. */
    void subscribed(ChannelAccount account, String userId, Instant at) {
        customers.findBy(account.workspaceId(), Identity.of(IdentityKind.VIBER, userId))
                .ifPresent(customer -> wrote(account, customer, at));
    }

    /** The customer wrote to the bot, which subscribes them; an unsubscription from before that no longer holds. */
    void wrote(ChannelAccount account, CustomerId customer, Instant at) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        delete from viber_unsubscribed where account_id = ? and customer_id = ? and unsubscribed_at < ?
                        returning suppression_id""")
                .params(account.id(), customer.value(), Timestamp.from(at)).query(UUID.class).optional()
                .ifPresent(suppression -> {
                    try {
                        suppressions.remove(actor(account), suppression);
                    } catch (NotFoundException liftedByHand) {
                        // someone lifted it already on Настройки → Политика отправки
                    }
                }));
    }

    private static Actor actor(ChannelAccount account) {
        return Actor.system(account.workspaceId(), "Viber: " + account.name());
    }
}
