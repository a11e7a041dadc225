package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.CustomerAdd;
import io.mlconnector.systems.qbd.xml.CustomerAddRq;

/**
 * Builds a {@code CustomerAddRq}. The Name must be unique in QuickBooks' customer list (status
 * 3100 otherwise); it is shortened to 41 characters, so a plugin that adds customers by name
 * should query by that same shortened name first (the value is on {@link #build()}'s result).
 */
public final class CustomerAddBuilder {

    private final String requestId;
    private final CustomerFields fields = new CustomerFields();

    CustomerAddBuilder(String requestId) {
        this.requestId = QbRequests.requestId(requestId);
    }

    public CustomerAddBuilder name(String name) {
        fields.name(name);
        return this;
    }

    public CustomerAddBuilder companyName(String companyName) {
        fields.companyName(companyName);
        return this;
    }

    public CustomerAddBuilder firstName(String firstName) {
        fields.firstName(firstName);
        return this;
    }

    public CustomerAddBuilder lastName(String lastName) {
        fields.lastName(lastName);
        return this;
    }

    public CustomerAddBuilder phone(String phone) {
        fields.phone(phone);
        return this;
    }

    public CustomerAddBuilder email(String email) {
        fields.email(email);
        return this;
    }

    /** Where plugins keep the payment provider's customer id (e.g. GoCardless CU…, Stripe cus_…). */
    public CustomerAddBuilder accountNumber(String accountNumber) {
        fields.accountNumber(accountNumber);
        return this;
    }

    public CustomerAddBuilder notes(String notes) {
        fields.notes(notes);
        return this;
    }

    public CustomerAddBuilder billAddress(String line1, String line2, String city, String region,
                                          String postalCode, String country) {
        fields.billAddress(line1, line2, city, region, postalCode, country);
        return this;
    }

    public CustomerAddBuilder active(boolean active) {
        fields.active = active;
        return this;
    }

    public CustomerAddRq build() {
        if (fields.name == null) {
            throw new IllegalStateException("A customer needs a Name");
        }
        CustomerAdd add = new CustomerAdd();
        add.setName(fields.name);
        add.setIsActive(fields.active);
        add.setCompanyName(fields.companyName);
        add.setFirstName(fields.firstName);
        add.setLastName(fields.lastName);
        add.setBillAddress(fields.billAddress);
        add.setPhone(fields.phone);
        add.setEmail(fields.email);
        add.setAccountNumber(fields.accountNumber);
        add.setNotes(fields.notes);
        CustomerAddRq rq = new CustomerAddRq();
        rq.setRequestID(requestId);
        rq.setCustomerAdd(add);
        return rq;
    }
}
