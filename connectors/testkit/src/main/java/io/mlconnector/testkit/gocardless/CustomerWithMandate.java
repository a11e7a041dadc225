package io.mlconnector.testkit.gocardless;

/** The ids a "customer with an active mandate" scenario created. */
public record CustomerWithMandate(String customerId, String bankAccountId, String mandateId) {
}
