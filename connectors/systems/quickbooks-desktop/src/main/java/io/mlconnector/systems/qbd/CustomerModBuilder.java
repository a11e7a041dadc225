package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.CustomerMod;
import io.mlconnector.systems.qbd.xml.CustomerModRq;

/**
 * Builds a {@code CustomerModRq}: only the fields set here change. ListID and the EditSequence
 * read with the customer are required. A stale EditSequence (status 3200: the customer changed since
 * it was read) is handled by the platform, which reads the customer again and resends the Mod with
 * the current EditSequence.
 */
public final class CustomerModBuilder extends CustomerBuilder<CustomerModBuilder> {

    private final String requestId;
    private final String listId;
    private final String editSequence;

    CustomerModBuilder(String requestId, String listId, String editSequence) {
        this.requestId = QbRequests.requestId(requestId);
        this.listId = QbRefs.listId(listId).getListID();
        this.editSequence = QbText.fit("EditSequence", editSequence, 16, QbText.Overflow.REFUSE);
        if (this.editSequence == null) {
            throw new IllegalArgumentException("EditSequence is required to modify a customer");
        }
    }

    @Override
    CustomerModBuilder self() {
        return this;
    }

    public CustomerModRq build() {
        CustomerMod mod = new CustomerMod();
        mod.setListID(listId);
        mod.setEditSequence(editSequence);
        mod.setName(fields.name);
        mod.setIsActive(fields.active);
        mod.setCompanyName(fields.companyName);
        mod.setFirstName(fields.firstName);
        mod.setLastName(fields.lastName);
        mod.setBillAddress(fields.billAddress);
        mod.setPhone(fields.phone);
        mod.setEmail(fields.email);
        mod.setAccountNumber(fields.accountNumber);
        mod.setNotes(fields.notes);
        CustomerModRq rq = new CustomerModRq();
        rq.setRequestID(requestId);
        rq.setCustomerMod(mod);
        return rq;
    }
}
