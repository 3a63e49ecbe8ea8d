package io.beseda.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.beseda.workspace.WorkspaceId;

/** The send_policy table. A workspace without a row gets one with the defaults the schema defines. */
@Repository
class PolicySettingsStore {

    private final JdbcClient jdbc;

    PolicySettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The workspace's policy; the defaults are written on first use only (not tried again on every decision). */
    SendPolicySettings load(WorkspaceId workspace) {
        var stored = jdbc.sql("select * from send_policy where workspace_id = ?").param(workspace.value())
                .query(PolicySettingsStore::map).optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        jdbc.sql("insert into send_policy (workspace_id) values (?) on conflict do nothing").param(workspace.value()).update();
        return jdbc.sql("select * from send_policy where workspace_id = ?").param(workspace.value())
                .query(PolicySettingsStore::map).single();
    }

    void save(WorkspaceId workspace, SendPolicySettings settings, Instant at, String by) {
        load(workspace);
        jdbc.sql("""
                update send_policy set organisation_type = ?, restricted_channels = ?, marketing_per_day = ?,
                    marketing_per_week = ?, marketing_per_day_channel = ?, marketing_per_week_channel = ?,
                    quiet_from = ?, quiet_to = ?, service_in_quiet_hours = ?, updated_at = ?, updated_by = ?
                where workspace_id = ?""")
                .params(settings.organisationType().name(),
                        settings.restrictedChannels().stream().map(Enum::name).toArray(String[]::new),
                        settings.marketingPerDay(), settings.marketingPerWeek(), settings.marketingPerDayPerChannel(),
                        settings.marketingPerWeekPerChannel(), settings.quietFrom(), settings.quietTo(),
                        settings.serviceInQuietHours(), Timestamp.from(at), by, workspace.value())
                .update();
    }

    private static SendPolicySettings map(ResultSet row, int n) throws SQLException {
        var restricted = Arrays.stream((String[]) row.getArray("restricted_channels").getArray())
                .map(Channel::valueOf).collect(Collectors.toSet());
        return new SendPolicySettings(OrganisationType.valueOf(row.getString("organisation_type")), restricted,
                row.getInt("marketing_per_day"), row.getInt("marketing_per_week"), row.getInt("marketing_per_day_channel"),
                row.getInt("marketing_per_week_channel"), row.getObject("quiet_from", LocalTime.class),
                row.getObject("quiet_to", LocalTime.class), row.getBoolean("service_in_quiet_hours"));
    }
}
