package io.mlconnector.testkit.qbd;

import java.time.LocalDate;
import java.util.List;

/** An ARRefundCreditCard: money paid back to a customer from credit memos or unused payments. */
public record QbRefund(String txnId, String editSequence, String refNumber, String customerListId,
        LocalDate txnDate, String refundFromAccount, String totalAmount, String memo, List<QbLink> refundedFrom) {
}
