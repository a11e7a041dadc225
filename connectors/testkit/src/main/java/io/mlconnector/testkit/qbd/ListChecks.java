package io.mlconnector.testkit.qbd;

import java.util.Map;

/** Rules every Mod of a list object or transaction follows: the object exists, the EditSequence is current. */
final class ListChecks {

    private ListChecks() {
    }

    static <T extends ListEntity> T forMod(Map<String, T> list, String listId, String editSequence) {
        T entity = list.get(listId);
        if (entity == null) {
            throw QbStatusException.notFound(listId);
        }
        if (!entity.editSequence.equals(editSequence)) {
            throw QbStatusException.staleEditSequence(editSequence);
        }
        return entity;
    }

    static <T extends TxnEntity> T forTxnMod(Map<String, T> txns, String txnId, String editSequence) {
        T txn = txns.get(txnId);
        if (txn == null) {
            throw QbStatusException.notFound(txnId);
        }
        if (!txn.editSequence.equals(editSequence)) {
            throw QbStatusException.staleEditSequence(editSequence);
        }
        return txn;
    }

    static <T extends ListEntity> void requireUniqueName(Map<String, T> list, String name, T self) {
        for (T entity : list.values()) {
            if (entity != self && entity.name.equalsIgnoreCase(name)) {
                throw QbStatusException.nameInUse(name);
            }
        }
    }
}
