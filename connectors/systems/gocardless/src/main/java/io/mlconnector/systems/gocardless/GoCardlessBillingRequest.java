package io.mlconnector.systems.gocardless;

/**
 * A billing request as it stands.
 *
 * @param status    pending, ready_to_fulfil, fulfilling, fulfilled or cancelled
 * @param mandateId the mandate it created, once fulfilled (it then still has to become active)
 */
public record GoCardlessBillingRequest(String id, String status, String customerId, String mandateId) {

    public boolean fulfilled() {
        return "fulfilled".equals(status);
    }
}
