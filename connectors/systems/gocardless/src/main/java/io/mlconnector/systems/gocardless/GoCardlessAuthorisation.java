package io.mlconnector.systems.gocardless;

/**
 * A billing request waiting for its payer: send them to {@code authorisationUrl} to set up the mandate.
 *
 * @param customerId the customer the billing request is for (GoCardless creates one when none was linked)
 */
public record GoCardlessAuthorisation(String billingRequestId, String customerId, String authorisationUrl) {
}
