package io.mlconnector.testkit.qbd;

import java.time.Instant;
import java.time.LocalDate;

/** The TxnCore every transaction carries, plus the fields all of ours share. */
abstract class TxnEntity {
    String txnId;
    Instant timeCreated;
    Instant timeModified;
    String editSequence;
    int txnNumber;
    LocalDate txnDate;
    String refNumber;
    String memo;
    String externalGuid;

    /** The qbXML TxnType / TxnDelType value, e.g. "Invoice". */
    abstract String txnType();

    abstract TxnEntity copy();

    /** The list object (customer or payee) this transaction belongs to, for EntityFilter. */
    abstract String entityListId();

    /** The accounts this transaction posts to, for AccountFilter. */
    abstract java.util.List<String> accountListIds();

    <T extends TxnEntity> T copyCoreInto(T target) {
        target.txnId = txnId;
        target.timeCreated = timeCreated;
        target.timeModified = timeModified;
        target.editSequence = editSequence;
        target.txnNumber = txnNumber;
        target.txnDate = txnDate;
        target.refNumber = refNumber;
        target.memo = memo;
        target.externalGuid = externalGuid;
        return target;
    }
}
