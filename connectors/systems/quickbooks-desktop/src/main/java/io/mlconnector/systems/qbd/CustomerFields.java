package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.Address;

/**
 * Contact details shared by customer add and mod, with the overflow policy per field: names are
 * shortened, contact details that would be wrong when cut (phone, e-mail) are left out.
 */
final class CustomerFields {

    String name;
    String companyName;
    String firstName;
    String lastName;
    String phone;
    String email;
    String accountNumber;
    String notes;
    Address billAddress;
    Boolean active;

    void name(String value) {
        name = QbText.fit("Name", value, QbLimits.CUSTOMER_NAME, QbText.Overflow.TRUNCATE);
    }

    void companyName(String value) {
        companyName = QbText.fit("CompanyName", value, QbLimits.COMPANY_NAME, QbText.Overflow.TRUNCATE);
    }

    void firstName(String value) {
        firstName = QbText.fit("FirstName", value, QbLimits.FIRST_NAME, QbText.Overflow.TRUNCATE);
    }

    void lastName(String value) {
        lastName = QbText.fit("LastName", value, QbLimits.LAST_NAME, QbText.Overflow.TRUNCATE);
    }

    void phone(String value) {
        phone = QbText.fit("Phone", value, QbLimits.PHONE, QbText.Overflow.OMIT);
    }

    void email(String value) {
        email = QbText.fit("Email", value, QbLimits.EMAIL, QbText.Overflow.OMIT);
    }

    /** The payment provider's customer id: kept whole when it fits, else its distinguishing end. */
    void accountNumber(String value) {
        accountNumber = QbText.fit("AccountNumber", value, QbLimits.ACCOUNT_NUMBER, QbText.Overflow.KEEP_END);
    }

    void notes(String value) {
        notes = QbText.fit("Notes", value, QbLimits.MEMO, QbText.Overflow.TRUNCATE);
    }

    void billAddress(String line1, String line2, String city, String region, String postalCode, String country) {
        Address address = new Address();
        address.setAddr1(QbText.fit("Addr1", line1, QbLimits.ADDRESS_LINE, QbText.Overflow.TRUNCATE));
        address.setAddr2(QbText.fit("Addr2", line2, QbLimits.ADDRESS_LINE, QbText.Overflow.TRUNCATE));
        address.setCity(QbText.fit("City", city, QbLimits.CITY, QbText.Overflow.TRUNCATE));
        address.setState(QbText.fit("State", region, QbLimits.STATE, QbText.Overflow.TRUNCATE));
        address.setPostalCode(QbText.fit("PostalCode", postalCode, QbLimits.POSTAL_CODE, QbText.Overflow.OMIT));
        address.setCountry(QbText.fit("Country", country, QbLimits.COUNTRY, QbText.Overflow.TRUNCATE));
        billAddress = address;
    }
}
