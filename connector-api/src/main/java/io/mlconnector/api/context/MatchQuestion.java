package io.mlconnector.api.context;

import java.util.Objects;

/**
 * What a person must answer before a held record can go on: which object of the other system is
 * {@code sourceId}. The answer is written into the id ledger as {@code ledgerKind}: {@code sourceId}
 * → the chosen id, and the record runs again, so the connector finds it with {@code ids().target(...)}.
 *
 * @param ledgerKind the id ledger's kind for the answer, e.g. {@code customer}
 * @param sourceId   the object to match, e.g. a payer's id in the payments system (often not the record's own id)
 * @param noun       what is being matched, in words for people, e.g. {@code customer}
 * @param pickList   the {@link PickLists} list to choose from, or null to let the person type an id
 */
public record MatchQuestion(String ledgerKind, String sourceId, String noun, String pickList) {

    public MatchQuestion {
        Objects.requireNonNull(ledgerKind, "ledgerKind");
        Objects.requireNonNull(sourceId, "sourceId");
        if (noun == null || noun.isBlank()) {
            noun = ledgerKind.replace('-', ' ').replace('_', ' ');
        }
    }
}
