package io.mlconnector.systems.qbd.customers;

/**
 * Who a QuickBooks customer is looked for: the other system's customer (a GoCardless or Stripe
 * customer, a Zuora account…) as far as matching needs it. Missing parts are null.
 *
 * @param id          the other system's id, e.g. {@code CU123}
 * @param email       matched first
 * @param companyName matched, like the given and family name, against QuickBooks' names
 * @param description how people know this payer, e.g. "Ada Lovelace, ada@example.com"
 */
public record Payer(String id, String email, String companyName, String givenName, String familyName,
                    String description) {
}
