package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;

final class CustomerEntity extends ListEntity {
    String parentListId;
    String companyName;
    String salutation;
    String firstName;
    String middleName;
    String lastName;
    String jobTitle;
    QbAddress billAddress;
    QbAddress shipAddress;
    String phone;
    String altPhone;
    String fax;
    String email;
    String contact;
    String accountNumber;
    String resaleNumber;
    Money creditLimit;
    Money openBalance;
    String notes;
    String externalGuid;

    @Override
    CustomerEntity copy() {
        CustomerEntity c = copyCoreInto(new CustomerEntity());
        c.parentListId = parentListId;
        c.companyName = companyName;
        c.salutation = salutation;
        c.firstName = firstName;
        c.middleName = middleName;
        c.lastName = lastName;
        c.jobTitle = jobTitle;
        c.billAddress = billAddress;
        c.shipAddress = shipAddress;
        c.phone = phone;
        c.altPhone = altPhone;
        c.fax = fax;
        c.email = email;
        c.contact = contact;
        c.accountNumber = accountNumber;
        c.resaleNumber = resaleNumber;
        c.creditLimit = creditLimit;
        c.openBalance = openBalance;
        c.notes = notes;
        c.externalGuid = externalGuid;
        return c;
    }
}
