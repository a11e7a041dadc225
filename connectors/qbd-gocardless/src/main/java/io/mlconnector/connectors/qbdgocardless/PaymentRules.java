package io.mlconnector.connectors.qbdgocardless;

/** What the books should show for a GoCardless payment in a given state. */
final class PaymentRules {

    /** The decision for one payment state. */
    enum Decision {
        /** Collected at or past the posting moment: it belongs in the books. */
        POST,
        /** Not collected yet: nothing to do until GoCardless moves it on. */
        WAIT,
        /** The collection failed: nothing in the books, flagged. */
        FAILED,
        /** The payer's bank took the money back: nothing in the books, flagged. */
        CHARGED_BACK,
        /** Cancelled or refused by the payer before collection: nothing in the books. */
        CANCELLED
    }

    private PaymentRules() {
    }

    static Decision decide(String status, PostingMoment moment) {
        if (status == null) {
            return Decision.WAIT;
        }
        return switch (status) {
            case "paid_out" -> Decision.POST;
            case "confirmed" -> moment == PostingMoment.CONFIRMED ? Decision.POST : Decision.WAIT;
            case "failed" -> Decision.FAILED;
            case "charged_back" -> Decision.CHARGED_BACK;
            case "cancelled", "customer_approval_denied" -> Decision.CANCELLED;
            default -> Decision.WAIT;
        };
    }
}
