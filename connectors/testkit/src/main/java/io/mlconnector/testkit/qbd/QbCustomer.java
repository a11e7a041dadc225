package io.mlconnector.testkit.qbd;

import java.time.Instant;

/** A customer as stored in the simulated company file; amounts are decimal strings ("12.50"). */
public record QbCustomer(String listId, String editSequence, Instant timeCreated, Instant timeModified, String name,
        String fullName, boolean active, String companyName, String firstName, String lastName, String email,
        String phone, String accountNumber, String notes, String balance, String totalBalance,
        QbAddress billAddress) {
}
