package io.mlconnector.platform.sync;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.NotFound;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/** What a person may pick to answer a held record's question, searched by what they type. */
@Singleton
public class MatchChoices {

    /** The question of a record and the entries matching a search; entries are empty without a pick list. */
    @io.micronaut.serde.annotation.Serdeable
    public record Answerable(MatchQuestion question, List<Choice> choices, int listSize) {
    }

    private final TenantTransactions transactions;
    private final SyncRecordStore records;
    private final PickListStore pickLists;

    public MatchChoices(TenantTransactions transactions, SyncRecordStore records, PickListStore pickLists) {
        this.transactions = transactions;
        this.records = records;
        this.pickLists = pickLists;
    }

    public Answerable search(UUID tenantId, UUID recordId, String text, int limit) {
        return transactions.read(tenantId, () -> {
            SyncRecordStore.Row row = records.find(recordId).orElseThrow(() -> new NotFound("Sync record"));
            MatchQuestion question = row.question();
            if (question == null || question.pickList() == null) {
                return new Answerable(question, List.of(), 0);
            }
            return new Answerable(question, pickLists.search(row.connectionId(), question.pickList(), text, limit),
                    pickLists.size(row.connectionId(), question.pickList()));
        });
    }
}
