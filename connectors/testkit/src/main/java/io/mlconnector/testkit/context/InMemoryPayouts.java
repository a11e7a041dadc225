package io.mlconnector.testkit.context;

import io.mlconnector.api.money.Money;
import io.mlconnector.api.payout.Payout;
import io.mlconnector.api.payout.Payouts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Payouts kept in a map instead of shown on the Payouts page: the latest report and deposit of each. */
public final class InMemoryPayouts implements Payouts {

    /** The books' side of a payout. */
    public record Deposit(String depositId, Money total) {
    }

    private final Map<String, Payout> reported = new LinkedHashMap<>();
    private final Map<String, Deposit> deposits = new LinkedHashMap<>();

    @Override
    public synchronized void report(Payout payout) {
        reported.put(payout.id(), payout);
    }

    @Override
    public synchronized void deposited(String payoutId, String depositId, Money depositTotal) {
        deposits.put(payoutId, new Deposit(depositId, depositTotal));
    }

    public synchronized Optional<Payout> find(String payoutId) {
        return Optional.ofNullable(reported.get(payoutId));
    }

    public synchronized Optional<Deposit> deposit(String payoutId) {
        return Optional.ofNullable(deposits.get(payoutId));
    }
}
