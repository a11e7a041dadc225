package io.mlconnector.testkit.qbd;

/** One line of an invoice or credit memo. */
public record QbLine(String txnLineId, String itemFullName, String desc, String quantity, String rate,
        String amount) {
}
