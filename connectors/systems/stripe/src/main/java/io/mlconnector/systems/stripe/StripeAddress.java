package io.mlconnector.systems.stripe;

/** A postal address as Stripe keeps it; any part may be null. */
public record StripeAddress(String line1, String line2, String city, String state, String postalCode,
                            String country) {

    public boolean isEmpty() {
        return line1 == null && line2 == null && city == null && state == null && postalCode == null
                && country == null;
    }
}
