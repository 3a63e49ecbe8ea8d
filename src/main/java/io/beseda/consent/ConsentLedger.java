package io.beseda.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.beseda.customer.CustomerId;
import io.beseda.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consent_record table: appends and reads, never updates (the database refuses them anyway).
 * "Latest" means the latest {@code recorded_at}, ties broken by the order the ledger took them in.
 */
@Repository
class ConsentLedger {

    /** Purposes and channels in the order of their enums; "all channels" first. */
    private static final Comparator<ConsentState> IN_ENUM_ORDER = Comparator.comparing(ConsentState::purpose)
            .thenComparing(ConsentState::channel, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final String LATEST_FIRST = " order by recorded_at desc, seq desc";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConsentLedger(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    ConsentRecord append(WorkspaceId workspace, CustomerId customer, ConsentChange change, @Nullable ConsentText text,
                         @Nullable String address, Instant at, String recordedBy) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into consent_record (id, workspace_id, customer_id, purpose, channel, address, granted, text_id,
                    text_version, text_sha256, source, recorded_at, ip, device, proof, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(id, workspace.value(), customer.value(), change.purpose().name(), name(change.channel()), address,
                        change.granted(), text == null ? null : text.id(), text == null ? null : text.version(),
                        text == null ? null : text.sha256(), change.source().name(), Timestamp.from(at), change.ip(),
                        change.device(), json.writeValueAsString(change.proof()), recordedBy)
                .update();
        return jdbc.sql("select * from consent_record where workspace_id = ? and id = ?").params(workspace.value(), id)
                .query(this::map).single();
    }

    List<ConsentRecord> history(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("select * from consent_record where workspace_id = ? and customer_id = ?" + LATEST_FIRST)
                .params(workspace.value(), customer.value()).query(this::map).list();
    }

    /**
     * Where the customer stands for each purpose and channel they have records for. A record without a
     * channel (a refusal of every channel) overrides older records of single channels of its purpose.
     */
    List<ConsentState> current(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("""
                with latest as (
                    select distinct on (purpose, channel) * from consent_record
                    where workspace_id = ? and customer_id = ?
                    order by purpose, channel, recorded_at desc, seq desc)
                select l.purpose, l.channel, d.granted, d.recorded_at, d.source
                from latest l cross join lateral (
                    select granted, recorded_at, source from consent_record d
                    where d.workspace_id = l.workspace_id and d.customer_id = l.customer_id and d.purpose = l.purpose
                      and (d.channel = l.channel or d.channel is null)
                    order by d.recorded_at desc, d.seq desc limit 1) d""")
                .params(workspace.value(), customer.value())
                .query((row, n) -> {
                    var channel = row.getString("channel");
                    return new ConsentState(ConsentPurpose.valueOf(row.getString("purpose")),
                            channel == null ? null : Channel.valueOf(channel),
                            row.getBoolean("granted") ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN,
                            row.getTimestamp("recorded_at").toInstant(), ConsentSource.valueOf(row.getString("source")));
                }).list().stream().sorted(IN_ENUM_ORDER).toList();
    }

    /** The record that decides a purpose in a channel: the latest for that channel or for all channels. */
    @Nullable ConsentRecord deciding(WorkspaceId workspace, CustomerId customer, ConsentPurpose purpose, Channel channel) {
        return jdbc.sql("""
                select * from consent_record
                where workspace_id = ? and customer_id = ? and purpose = ? and (channel = ? or channel is null)"""
                        + LATEST_FIRST + " limit 1")
                .params(workspace.value(), customer.value(), purpose.name(), channel.name())
                .query(this::map).optional().orElse(null);
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private ConsentRecord map(ResultSet row, int n) throws SQLException {
        var channel = row.getString("channel");
        Map<String, Object> proof = json.readValue(row.getString("proof"), new TypeReference<>() {
        });
        return new ConsentRecord(row.getObject("id", UUID.class), new CustomerId(row.getObject("customer_id", UUID.class)),
                ConsentPurpose.valueOf(row.getString("purpose")), channel == null ? null : Channel.valueOf(channel),
                row.getString("address"), row.getBoolean("granted"), row.getString("text_version"),
                row.getString("text_sha256"), ConsentSource.valueOf(row.getString("source")),
                row.getTimestamp("recorded_at").toInstant(), row.getString("ip"), row.getString("device"), proof,
                row.getString("recorded_by"));
    }
}
