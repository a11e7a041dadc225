/**
 * Posting into QuickBooks Desktop exactly once, for any QBD pair:
 * {@link io.mlconnector.systems.qbd.posting.QbPosting} runs the protocol (look before adding, add,
 * confirm the TxnID, remove duplicates found afterwards, reverse on a failure, hold for a person,
 * retry) for any kind of transaction ({@link io.mlconnector.systems.qbd.posting.TxnType}:
 * ReceivePayment, CreditMemo, ARRefundCreditCard, Deposit, Invoice); a pair gives it a
 * {@link io.mlconnector.systems.qbd.posting.QbPosting.Plan} saying what to post.
 * {@link io.mlconnector.systems.qbd.posting.InvoiceChoice} picks the open invoice a payment pays.
 */
package io.mlconnector.systems.qbd.posting;
