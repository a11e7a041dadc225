package io.mlconnector.systems.gocardless;

import io.mlconnector.api.money.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Money GoCardless sent to the creditor's bank account.
 *
 * @param amount       what arrives in the bank: collected payments less fees, refunds and other debits
 * @param deductedFees the fees already taken off {@code amount}
 * @param arrivalDate  the day the money should reach the bank account
 * @param reference    the reference on the bank statement, to match the deposit
 * @param status       pending, paid or bounced
 */
public record GoCardlessPayout(String id, Money amount, Money deductedFees, LocalDate arrivalDate, String reference,
                               String status, String payoutType, Instant createdAt) {

    public String currency() {
        return amount.currency();
    }
}
