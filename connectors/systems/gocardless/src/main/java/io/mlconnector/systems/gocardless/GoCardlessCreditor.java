package io.mlconnector.systems.gocardless;

/** The GoCardless account (creditor) an access token belongs to. */
public record GoCardlessCreditor(String id, String name) {
}
