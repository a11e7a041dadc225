package io.mlconnector.platform.connections;

import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Connections, read and written inside the owning tenant's transaction unless said otherwise. */
@Singleton
public class ConnectionRepository {

    private static final String COLUMNS = "id, tenant_id, connector_id, name, status, webhook_token, settings::text AS settings, "
            + "last_error, last_error_at, created_at, reconnect_system, reconnect_reason, reconnect_since";

    private final Sql sql;

    public ConnectionRepository(Sql sql) {
        this.sql = sql;
    }

    public Connection insert(UUID tenantId, String connectorId, String name, String webhookToken, Map<String, String> settings) {
        return sql.one("INSERT INTO connections (id, tenant_id, connector_id, name, webhook_token, settings) VALUES (?, ?, ?, ?, ?, ?) "
                        + "RETURNING " + COLUMNS, ConnectionRepository::connection,
                UUID.randomUUID(), tenantId, connectorId, name, webhookToken, new Sql.Json(JsonMaps.write(settings))).orElseThrow();
    }

    public Optional<Connection> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM connections WHERE id = ? AND tenant_id = current_tenant()",
                ConnectionRepository::connection, id);
    }

    public List<Connection> list() {
        return sql.list("SELECT " + COLUMNS + " FROM connections WHERE tenant_id = current_tenant() ORDER BY created_at",
                ConnectionRepository::connection);
    }

    /** Platform work: routes a webhook to its connection before any tenant is known. */
    public Optional<Connection> findByWebhookToken(String token) {
        return sql.one("SELECT " + COLUMNS + " FROM connections WHERE webhook_token = ?", ConnectionRepository::connection, token);
    }

    /** Platform work: a job knows only the connection id. */
    public Optional<Connection> findAnyTenant(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM connections WHERE id = ?", ConnectionRepository::connection, id);
    }

    public void updateSettings(UUID id, Map<String, String> settings) {
        sql.update("UPDATE connections SET settings = ?, updated_at = now() WHERE id = ? AND tenant_id = current_tenant()",
                new Sql.Json(JsonMaps.write(settings)), id);
    }

    public void updateStatus(UUID id, Connection.Status status) {
        sql.update("UPDATE connections SET status = ?, updated_at = now() WHERE id = ? AND tenant_id = current_tenant()",
                status.name(), id);
    }

    public void rename(UUID id, String name) {
        sql.update("UPDATE connections SET name = ?, updated_at = now() WHERE id = ? AND tenant_id = current_tenant()", name, id);
    }

    public void recordError(UUID id, String error) {
        sql.update("UPDATE connections SET last_error = ?, last_error_at = CASE WHEN ? IS NULL THEN NULL ELSE now() END "
                + "WHERE id = ? AND tenant_id = current_tenant()", error, error, id);
    }

    /** Marks the connection as needing new credentials; true when it was not marked yet. */
    public boolean needsReconnect(UUID id, String system, String reason) {
        int newly = sql.update("UPDATE connections SET reconnect_system = ?, reconnect_reason = ?, reconnect_since = now() "
                + "WHERE id = ? AND tenant_id = current_tenant() AND reconnect_since IS NULL", system, reason, id);
        if (newly == 0) {
            sql.update("UPDATE connections SET reconnect_system = ?, reconnect_reason = ? WHERE id = ? AND tenant_id = current_tenant()",
                    system, reason, id);
        }
        return newly == 1;
    }

    /** Clears the mark; true when there was one. */
    public boolean reconnected(UUID id) {
        return sql.update("UPDATE connections SET reconnect_system = NULL, reconnect_reason = NULL, reconnect_since = NULL "
                + "WHERE id = ? AND tenant_id = current_tenant() AND reconnect_since IS NOT NULL", id) == 1;
    }

    public boolean delete(UUID id) {
        return sql.update("DELETE FROM connections WHERE id = ? AND tenant_id = current_tenant()", id) == 1;
    }

    private static Connection connection(ResultSet row) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>(JsonMaps.read(row.getString("settings")));
        return new Connection(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class), row.getString("connector_id"),
                row.getString("name"), Connection.Status.valueOf(row.getString("status")), row.getString("webhook_token"), settings,
                row.getString("last_error"), Sql.instant(row, "last_error_at"), Sql.instant(row, "created_at"),
                row.getString("reconnect_system") == null ? null : new Connection.Reconnect(row.getString("reconnect_system"),
                        row.getString("reconnect_reason"), Sql.instant(row, "reconnect_since")));
    }
}
