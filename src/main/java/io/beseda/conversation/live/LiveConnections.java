package io.beseda.conversation.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Connections of their own for listening and notifying, outside the pool: a LISTEN connection is held for
 * the node's life and must not take a pooled connection from requests, nor be reset when it is returned.
 */
@Component
class LiveConnections {

    static final String CHANNEL = "beseda_inbox";

    private final DataSource dataSource;

    LiveConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Connection open() throws SQLException {
        Connection connection;
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            var hikari = dataSource.unwrap(HikariDataSource.class);
            connection = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        } else {
            connection = dataSource.getConnection();
        }
        connection.setAutoCommit(true);
        return connection;
    }
}
