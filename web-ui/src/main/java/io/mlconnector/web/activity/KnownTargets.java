package io.mlconnector.web.activity;

import io.mlconnector.platform.sync.IdMappingStore;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/**
 * The objects of one kind a connection has already matched on the target side (e.g. the accounting
 * customers it has seen), offered as choices when a person resolves a held record. Read inside the
 * tenant's transaction, so row-level security keeps it to the tenant's own connection.
 */
@Singleton
public class KnownTargets {

    /** A target id and one source object already matched to it, to help a person recognise it. */
    public record Target(String id, String example, int count) {
    }

    static final int LIMIT = 500;

    private final IdMappingStore ledger;
    private final TenantTransactions transactions;

    public KnownTargets(IdMappingStore ledger, TenantTransactions transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    public List<Target> of(UUID tenantId, UUID connectionId, String kind) {
        return transactions.read(tenantId, () -> ledger.targets(connectionId, kind, LIMIT)).stream()
                .map(t -> new Target(t.id(), t.example(), t.count())).toList();
    }
}
