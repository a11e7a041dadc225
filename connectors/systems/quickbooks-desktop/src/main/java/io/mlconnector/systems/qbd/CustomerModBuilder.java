package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.CustomerMod;
import io.mlconnector.systems.qbd.xml.CustomerModRq;

/**
 * Builds a {@code CustomerModRq}: only the fields set here change. ListID and the EditSequence
 * read with the customer are required; a stale EditSequence comes back as status 3200, and the
 * plugin re-queries and resends ({@link QbStatus.Disposition#REQUERY_THEN_RETRY}).
 */
public final class CustomerModBuilder {

    private final String requestId;
    private final String listId;
    private final String editSequence;
    private final CustomerFields fields = new CustomerFields();

    CustomerModBuilder(String requestId, String listId, String editSequence) {
        this.requestId = QbRequests.requestId(requestId);
        this.listId = QbRefs.listId(listId).getListID();
        this.editSequence = QbText.fit("EditSequence", editSequence, 16, QbText.Overflow.REFUSE);
        if (this.editSequence == null) {
            throw new IllegalArgumentException("EditSequence is required to modify a customer");
        }
    }

    public CustomerModBuilder name(String name) {
        fields.name(name);
        return this;
    }

    public CustomerModBuilder companyName(String companyName) {
        fields.companyName(companyName);
        return this;
    }

    public CustomerModBuilder firstName(String firstName) {
        fields.firstName(firstName);
        return this;
    }

    public CustomerModBuilder lastName(String lastName) {
        fields.lastName(lastName);
        return this;
    }

    public CustomerModBuilder phone(String phone) {
        fields.phone(phone);
        return this;
    }

    public CustomerModBuilder email(String email) {
        fields.email(email);
        return this;
    }

    public CustomerModBuilder accountNumber(String accountNumber) {
        fields.accountNumber(accountNumber);
        return this;
    }

    public CustomerModBuilder notes(String notes) {
        fields.notes(notes);
        return this;
    }

    public CustomerModBuilder billAddress(String line1, String line2, String city, String region,
                                          String postalCode, String country) {
        fields.billAddress(line1, line2, city, region, postalCode, country);
        return this;
    }

    public CustomerModBuilder active(boolean active) {
        fields.active = active;
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
