package io.mlconnector.testkit.qbd;

/** An account of the chart of accounts; balance is a decimal string as QuickBooks reports it. */
public record QbAccount(String listId, String editSequence, String name, String accountType,
        String specialAccountType, String accountNumber, boolean active, String balance) {
}
