package io.mlconnector.testkit.qbd;

/** A link between two transactions with the amount that flows along it, e.g. a payment applied to an invoice. */
public record QbLink(String txnId, String txnType, String refNumber, String amount) {
}
