package io.mlconnector.connectors.qbdgocardless;

/** When a collected GoCardless payment is written to QuickBooks. */
enum PostingMoment {
    /** When GoCardless confirms the collection (a late failure is then reversed). */
    CONFIRMED("confirmed"),
    /** When GoCardless pays the money out to the bank (later, but rarely reversed). */
    PAID_OUT("paid_out");

    private final String value;

    PostingMoment(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static PostingMoment parse(String value) {
        for (PostingMoment moment : values()) {
            if (moment.value.equals(value)) {
                return moment;
            }
        }
        throw new io.mlconnector.api.CannotProcess("The posting moment '" + value
                + "' is not one of confirmed, paid_out");
    }
}
