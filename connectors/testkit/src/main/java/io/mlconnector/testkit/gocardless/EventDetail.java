package io.mlconnector.testkit.gocardless;

/**
 * The {@code details} block of an event: who caused it ({@code origin}: api, gocardless, bank,
 * customer), the machine-readable {@code cause}, a sentence for people, and for bank-originated
 * events the scheme and the scheme's reason code. The wording is representative, not a copy of
 * GoCardless's own texts; receivers branch on {@code cause}, never on the description.
 */
record EventDetail(String origin, String cause, String description, String scheme, String reasonCode) {

    static EventDetail of(String origin, String cause, String description) {
        return new EventDetail(origin, cause, description, null, null);
    }

    static final EventDetail MANDATE_CREATED = of("api", "mandate_created", "Mandate created via the API.");
    static final EventDetail MANDATE_SUBMITTED = of("gocardless", "mandate_submitted",
            "The mandate has been submitted to the banks.");
    static final EventDetail MANDATE_ACTIVATED = of("gocardless", "mandate_activated",
            "The time window for the banks to refuse the mandate has passed, so it is now active.");
    static final EventDetail MANDATE_CANCELLED = of("api", "mandate_cancelled", "The mandate was cancelled via the API.");

    static final EventDetail PAYMENT_CREATED = of("api", "payment_created", "Payment created via the API.");
    static final EventDetail PAYMENT_SUBMITTED = of("gocardless", "payment_submitted",
            "Payment submitted to the banks. As a result, it can no longer be cancelled.");
    static final EventDetail PAYMENT_CONFIRMED = of("gocardless", "payment_confirmed",
            "The banks have had time to return an error and did not, so the payment is now confirmed.");
    static final EventDetail PAYMENT_PAID_OUT = of("gocardless", "payment_paid_out",
            "The payment has been paid out by GoCardless.");
    static final EventDetail PAYMENT_CANCELLED = of("api", "payment_cancelled", "Payment cancelled via the API.");
    static final EventDetail PAYMENT_CANCELLED_WITH_MANDATE = of("api", "mandate_cancelled",
            "The mandate for this payment was cancelled.");
    static final EventDetail PAYMENT_FAILED_INSUFFICIENT_FUNDS = new EventDetail("bank", "insufficient_funds",
            "The customer's account had insufficient funds to make this payment.", "bacs", "ARUDD-0");
    static final EventDetail PAYMENT_CHARGED_BACK = new EventDetail("bank", "authorisation_disputed",
            "The customer disputed having authorised this payment with their bank.", "bacs", "DDICA-5");

    static final EventDetail REFUND_CREATED = of("api", "refund_created",
            "The refund has been created and will be submitted in the next batch.");
    static final EventDetail REFUND_PAID = of("gocardless", "refund_paid", "The refund has been paid to the customer.");

    static final EventDetail PAYOUT_PAID = of("gocardless", "payout_paid",
            "GoCardless has transferred the payout to the creditor's bank account.");
}
