package io.beseda.catalog;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.beseda.customer.CustomerId;
import io.beseda.shared.NotFoundException;
import io.beseda.shared.RuleViolationException;
import io.beseda.workspace.WorkspaceId;

/**
 * The loyalty programme's cards: found by number or by customer, activated by the customer who holds a new
 * card, and replaced when lost (the balance moves to the new card, the old one can no longer be used).
 */
@Service
public class LoyaltyCards {

    private final JdbcClient jdbc;
    private final Clock clock;

    LoyaltyCards(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Card numbers as people type them: digits only, spaces and dashes dropped. */
    public static String normalise(String number) {
        return number.replaceAll("[\\s-]", "");
    }

    public LoyaltyCard issue(WorkspaceId workspace, String number, String tier, BigDecimal balance) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into loyalty_card (workspace_id, number, status, balance, tier, issued_at, updated_at)
                values (?, ?, 'NOT_ACTIVATED', ?, ?, ?, ?) on conflict do nothing""")
                .params(workspace.value(), normalise(number), balance, tier, now, now).update();
        return find(workspace, number).orElseThrow();
    }

    public Optional<LoyaltyCard> find(WorkspaceId workspace, String number) {
        return jdbc.sql("select * from loyalty_card where workspace_id = ? and number = ?").params(workspace.value(), normalise(number))
                .query(LoyaltyCards::map).optional();
    }

    /** The customer's cards, the usable one first. */
    public List<LoyaltyCard> of(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("""
                select * from loyalty_card where workspace_id = ? and customer_id = ?
                order by case status when 'ACTIVE' then 0 when 'NOT_ACTIVATED' then 1 else 2 end, issued_at desc""")
                .params(workspace.value(), customer.value()).query(LoyaltyCards::map).list();
    }

    /** A new card becomes this customer's; a card someone else already activated is refused. */
    @Transactional
    public LoyaltyCard activate(WorkspaceId workspace, String number, CustomerId customer) {
        var card = locked(workspace, number);
        if (card.status() == LoyaltyCard.Status.ACTIVE && customer.equals(card.customer())) {
            return card;
        }
        if (card.status() != LoyaltyCard.Status.NOT_ACTIVATED) {
            throw new RuleViolationException("catalog.loyalty.not-activatable", "This card cannot be activated: " + card.status());
        }
        jdbc.sql("update loyalty_card set status = 'ACTIVE', customer_id = ?, updated_at = ? where workspace_id = ? and number = ?")
                .params(customer.value(), Timestamp.from(clock.instant()), workspace.value(), card.number()).update();
        return find(workspace, number).orElseThrow();
    }

    /** A lost or damaged card: it stops working and a new one carries its balance and tier. */
    @Transactional
    public LoyaltyCard replace(WorkspaceId workspace, String number) {
        var card = locked(workspace, number);
        if (card.status() == LoyaltyCard.Status.REPLACED) {
            throw new RuleViolationException("catalog.loyalty.already-replaced", "This card was already replaced");
        }
        var now = Timestamp.from(clock.instant());
        var fresh = newNumber(workspace);
        jdbc.sql("update loyalty_card set status = 'REPLACED', balance = 0, updated_at = ? where workspace_id = ? and number = ?")
                .params(now, workspace.value(), card.number()).update();
        jdbc.sql("""
                insert into loyalty_card (workspace_id, number, customer_id, status, balance, tier, issued_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(workspace.value(), fresh, card.customer() == null ? null : card.customer().value(),
                        card.customer() == null ? "NOT_ACTIVATED" : "ACTIVE", card.balance(), card.tier(), now, now)
                .update();
        return find(workspace, fresh).orElseThrow();
    }

    private LoyaltyCard locked(WorkspaceId workspace, String number) {
        return jdbc.sql("select * from loyalty_card where workspace_id = ? and number = ? for update")
                .params(workspace.value(), normalise(number)).query(LoyaltyCards::map).optional()
                .orElseThrow(() -> new NotFoundException("Loyalty card", normalise(number)));
    }

    private String newNumber(WorkspaceId workspace) {
        for (int attempt = 0; attempt < 20; attempt++) {
            var number = "77" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
            if (find(workspace, number).isEmpty()) {
                return number;
            }
        }
        throw new IllegalStateException("No free loyalty card number after 20 tries");
    }

    private static LoyaltyCard map(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        var customer = row.getObject("customer_id", UUID.class);
        return new LoyaltyCard(row.getString("number"), customer == null ? null : new CustomerId(customer),
                LoyaltyCard.Status.valueOf(row.getString("status")), row.getBigDecimal("balance"), row.getString("tier"),
                row.getTimestamp("issued_at").toInstant());
    }
}
