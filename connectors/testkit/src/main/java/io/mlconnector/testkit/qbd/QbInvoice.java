package io.mlconnector.testkit.qbd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as stored; {@code appliedAmount} is the positive total paid or credited against it,
 * {@code appliedBy} lists those payments and credits.
 */
public record QbInvoice(String txnId, String editSequence, Instant timeCreated, Instant timeModified,
        int txnNumber, String refNumber, String customerListId, String customerFullName, LocalDate txnDate,
        LocalDate dueDate, String memo, String subtotal, String appliedAmount, String balanceRemaining,
        boolean paid, List<QbLine> lines, List<QbLink> appliedBy) {
}
