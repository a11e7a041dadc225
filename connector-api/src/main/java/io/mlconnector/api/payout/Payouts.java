package io.mlconnector.api.payout;

import io.mlconnector.api.money.Money;

/**
 * The payouts of a connection, for the Payouts page where people reconcile their bank: each payout,
 * what it contains, the deposit that records it in the books, and a verdict the platform works out
 * ("Matches the bank: £1,204.33", "Waiting for 2 payments to reach QuickBooks", "Differs by £0.02").
 *
 * <p>A connector that books payouts calls {@link #report} as soon as it has read a payout's contents
 * (before the deposit exists: that is when "waiting for…" helps most), and {@link #deposited} once the
 * deposit is in the books. Both may be called again; the latest call wins. The platform links each
 * item to the sync record of the same {@code recordKind} and {@code sourceId}, so a payment's page
 * links to its payout and back.
 */
public interface Payouts {

    /** Records the payout and its contents, replacing what was reported earlier for the same id. */
    void report(Payout payout);

    /**
     * The payout is in the books.
     *
     * @param payoutId     the payout's id as reported
     * @param depositId    the books' own id of the deposit (QuickBooks TxnID, Xero BankTransactionID…)
     * @param depositTotal the total of the deposit as the books hold it, to compare with the bank
     */
    void deposited(String payoutId, String depositId, Money depositTotal);
}
