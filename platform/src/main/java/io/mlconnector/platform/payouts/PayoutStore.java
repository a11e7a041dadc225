package io.mlconnector.platform.payouts;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.money.Money;
import io.mlconnector.api.payout.Payout;
import io.mlconnector.api.payout.PayoutItem;
import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reported payouts and their items, always inside the owning tenant's transaction. */
@Singleton
public class PayoutStore {

    /** A payout as stored, with the books' deposit once known (null before). */
    public record Stored(UUID connectionId, String payoutId, LocalDate date, Money amount, String bankReference,
                         String depositId, Money depositTotal, List<Item> items) {
    }

    /**
     * One item, with the sync record carrying it into the books when there is one: its id for the link
     * and its status for the verdict.
     */
    public record Item(PayoutItem.Type type, String sourceId, String recordKind, Money amount, String description,
                       UUID recordId, SyncStatus recordStatus, String recordTargetId) {

        public boolean inTheBooks() {
            return recordStatus == SyncStatus.DONE;
        }
    }

    /** Which payout an object was paid out in, for the link from its record's page. */
    public record Link(String payoutId, LocalDate date, Money amount) {
    }

    private final Sql sql;

    public PayoutStore(Sql sql) {
        this.sql = sql;
    }

    public void report(UUID tenantId, UUID connectionId, Payout payout) {
        sql.update("INSERT INTO payouts (tenant_id, connection_id, payout_id, payout_date, currency, amount_minor, bank_reference) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (connection_id, payout_id) DO UPDATE SET "
                        + "payout_date = excluded.payout_date, currency = excluded.currency, amount_minor = excluded.amount_minor, "
                        + "bank_reference = excluded.bank_reference, reported_at = now()",
                tenantId, connectionId, payout.id(), payout.date(), payout.amount().currency(), payout.amount().minorUnits(),
                payout.bankReference());
        sql.update("DELETE FROM payout_items WHERE connection_id = ? AND payout_id = ?", connectionId, payout.id());
        List<Object[]> rows = new ArrayList<>();
        int position = 0;
        for (PayoutItem item : payout.items()) {
            rows.add(new Object[]{tenantId, connectionId, payout.id(), position++, item.type().name(), item.sourceId(),
                    item.recordKind(), item.amount().minorUnits(), item.description()});
        }
        if (!rows.isEmpty()) {
            sql.batch("INSERT INTO payout_items (tenant_id, connection_id, payout_id, position, item_type, source_id, record_kind, "
                    + "amount_minor, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /** @return false when the payout was never reported (the deposit is then not kept: nothing to compare it with) */
    public boolean deposited(UUID connectionId, String payoutId, String depositId, Money total) {
        return sql.update("UPDATE payouts SET deposit_id = ?, deposit_total_minor = ?, deposited_at = now() "
                + "WHERE connection_id = ? AND payout_id = ? AND currency = ?",
                depositId, total.minorUnits(), connectionId, payoutId, total.currency()) > 0;
    }

    /** The newest payouts first, of one connection or (null) all of the tenant's. */
    public List<Stored> list(UUID connectionId, int limit) {
        String where = "WHERE p.tenant_id = current_tenant()" + (connectionId == null ? "" : " AND p.connection_id = ?");
        Object[] parameters = connectionId == null ? new Object[]{limit} : new Object[]{connectionId, limit};
        List<Stored> payouts = sql.list("SELECT p.* FROM payouts p " + where
                + " ORDER BY p.payout_date DESC, p.payout_id LIMIT ?", PayoutStore::payout, parameters);
        return withItems(payouts);
    }

    public Optional<Stored> find(UUID connectionId, String payoutId) {
        return sql.one("SELECT p.* FROM payouts p WHERE p.tenant_id = current_tenant() AND p.connection_id = ? AND p.payout_id = ?",
                PayoutStore::payout, connectionId, payoutId).map(p -> withItems(List.of(p)).get(0));
    }

    /** The payout an object of the connection was paid out in, if one was reported. */
    public Optional<Link> containing(UUID connectionId, String recordKind, String sourceId) {
        return sql.list("SELECT p.payout_id, p.payout_date, p.currency, p.amount_minor FROM payout_items i "
                        + "JOIN payouts p ON p.connection_id = i.connection_id AND p.payout_id = i.payout_id "
                        + "WHERE i.tenant_id = current_tenant() AND i.connection_id = ? AND i.record_kind = ? AND i.source_id = ? "
                        + "ORDER BY p.payout_date DESC LIMIT 1",
                row -> new Link(row.getString(1), row.getObject(2, LocalDate.class),
                        Money.ofMinor(row.getLong(4), row.getString(3))), connectionId, recordKind, sourceId).stream().findFirst();
    }

    private List<Stored> withItems(List<Stored> payouts) {
        if (payouts.isEmpty()) {
            return payouts;
        }
        Map<String, List<Item>> items = new LinkedHashMap<>();
        StringBuilder keys = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Stored p : payouts) {
            keys.append(keys.isEmpty() ? "" : ", ").append("(?, ?)");
            parameters.add(p.connectionId());
            parameters.add(p.payoutId());
            items.put(key(p.connectionId(), p.payoutId()), new ArrayList<>());
        }
        sql.list("SELECT i.connection_id, i.payout_id, i.item_type, i.source_id, i.record_kind, i.amount_minor, i.description, "
                        + "p.currency, r.id AS record_id, r.status AS record_status, r.target_id AS record_target "
                        + "FROM payout_items i JOIN payouts p ON p.connection_id = i.connection_id AND p.payout_id = i.payout_id "
                        + "LEFT JOIN sync_records r ON r.connection_id = i.connection_id AND r.kind = i.record_kind AND r.source_id = i.source_id "
                        + "WHERE i.tenant_id = current_tenant() AND (i.connection_id, i.payout_id) IN (" + keys + ") "
                        + "ORDER BY i.connection_id, i.payout_id, i.position",
                row -> {
                    String status = row.getString("record_status");
                    items.get(key(row.getObject("connection_id", UUID.class), row.getString("payout_id"))).add(new Item(
                            PayoutItem.Type.valueOf(row.getString("item_type")), row.getString("source_id"), row.getString("record_kind"),
                            Money.ofMinor(row.getLong("amount_minor"), row.getString("currency")), row.getString("description"),
                            row.getObject("record_id", UUID.class), status == null ? null : SyncStatus.valueOf(status),
                            row.getString("record_target")));
                    return null;
                }, parameters.toArray());
        return payouts.stream().map(p -> new Stored(p.connectionId(), p.payoutId(), p.date(), p.amount(), p.bankReference(),
                p.depositId(), p.depositTotal(), List.copyOf(items.get(key(p.connectionId(), p.payoutId()))))).toList();
    }

    private static String key(UUID connectionId, String payoutId) {
        return connectionId + "/" + payoutId;
    }

    private static Stored payout(ResultSet row) throws SQLException {
        String currency = row.getString("currency");
        long deposit = row.getLong("deposit_total_minor");
        Money depositTotal = row.wasNull() ? null : Money.ofMinor(deposit, currency);
        return new Stored(row.getObject("connection_id", UUID.class), row.getString("payout_id"),
                row.getObject("payout_date", LocalDate.class), Money.ofMinor(row.getLong("amount_minor"), currency),
                row.getString("bank_reference"), row.getString("deposit_id"), depositTotal, List.of());
    }
}
