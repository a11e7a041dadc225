package io.mlconnector.systems.stripe;

/**
 * What a connector asks of a Stripe key, named as the dashboard names a restricted key's
 * permissions, so "missing permission" can be said in plain words.
 */
public enum StripePermission {
    CUSTOMERS_READ("Customers", "Read"),
    CUSTOMERS_WRITE("Customers", "Write"),
    PAYMENT_INTENTS_READ("PaymentIntents", "Read"),
    CHARGES_READ("Charges", "Read"),
    REFUNDS_READ("Refunds", "Read"),
    DISPUTES_READ("Disputes", "Read"),
    INVOICES_READ("Invoices", "Read"),
    INVOICES_WRITE("Invoices", "Write"),
    PAYOUTS_READ("Payouts", "Read"),
    BALANCE_READ("Balance transaction sources", "Read");

    private final String resource;
    private final String level;

    StripePermission(String resource, String level) {
        this.resource = resource;
        this.level = level;
    }

    /** e.g. "Payouts: Read". */
    public String words() {
        return resource + ": " + level;
    }
}
