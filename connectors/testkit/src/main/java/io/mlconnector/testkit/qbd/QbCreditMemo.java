package io.mlconnector.testkit.qbd;

import java.time.LocalDate;
import java.util.List;

/** A credit memo, what is left of it, and where it was used. */
public record QbCreditMemo(String txnId, String editSequence, String refNumber, String customerListId,
        LocalDate txnDate, String totalAmount, String creditRemaining, String memo, List<QbLine> lines,
        List<QbLink> usedBy) {
}
