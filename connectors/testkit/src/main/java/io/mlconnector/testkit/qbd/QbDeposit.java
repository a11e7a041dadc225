package io.mlconnector.testkit.qbd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A bank deposit and its lines. */
public record QbDeposit(String txnId, String editSequence, Instant timeCreated, Instant timeModified,
        LocalDate txnDate, String depositToAccount, String memo, String total, List<Line> lines) {

    /** A deposited payment (paymentTxnId set) or an amount from another account (e.g. a negative fee). */
    public record Line(String txnLineId, String paymentTxnId, String entityFullName, String accountFullName,
            String memo, String amount) {
    }
}
