package io.mlconnector.systems.gocardless;

/** The customer a create call returned, and whether its idempotency key had already made it. */
public record GoCardlessCustomerCreation(GoCardlessCustomer customer, boolean alreadyExisted) {
}
