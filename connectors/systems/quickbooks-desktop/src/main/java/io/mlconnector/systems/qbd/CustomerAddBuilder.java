package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.CustomerAdd;
import io.mlconnector.systems.qbd.xml.CustomerAddRq;

/**
 * Builds a {@code CustomerAddRq}. The Name must be unique in QuickBooks' customer list (status
 * 3100 otherwise); it is shortened to 41 characters, so a plugin that adds customers by name
 * should query by that same shortened name first (the value is on {@link #build()}'s result).
 */
public final class CustomerAddBuilder extends CustomerBuilder<CustomerAddBuilder> {

    private final String requestId;

    CustomerAddBuilder(String requestId) {
        this.requestId = QbRequests.requestId(requestId);
    }

    @Override
    CustomerAddBuilder self() {
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
