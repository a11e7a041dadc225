package io.mlconnector.systems.zuora;

/** What Zuora answers to a new account: its id and its number. */
public record CreatedAccount(String accountId, String accountNumber) {
}
