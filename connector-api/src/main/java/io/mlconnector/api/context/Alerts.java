package io.mlconnector.api.context;

/** Problems people must hear about the same day: a failed collection, a charge-back, a lost connection. */
public interface Alerts {

    /**
     * @param subject    one line, e.g. "Payment PM123 failed"
     * @param detail     what happened and what to do, for a finance person
     * @param correlation the business object, for linking back to its record
     */
    void raise(String subject, String detail, String correlation);
}
