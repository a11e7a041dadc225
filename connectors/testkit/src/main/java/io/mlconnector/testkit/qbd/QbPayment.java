package io.mlconnector.testkit.qbd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A received payment: where it was applied ({@code appliedTo}, amounts as decimal strings), what
 * is left unused, and the deposit that banked it (null while in Undeposited Funds).
 */
public record QbPayment(String txnId, String editSequence, Instant timeCreated, Instant timeModified,
        int txnNumber, String refNumber, String customerListId, String customerFullName, LocalDate txnDate,
        String totalAmount, String unusedPayment, String paymentMethod, String depositToAccount, String memo,
        String depositTxnId, List<QbLink> appliedTo) {
}
