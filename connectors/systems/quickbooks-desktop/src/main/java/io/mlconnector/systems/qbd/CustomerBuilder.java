package io.mlconnector.systems.qbd;

/**
 * The contact details a customer add and a customer mod both set, in one place; each setter
 * returns the concrete builder so calls chain.
 *
 * @param <B> the concrete builder
 */
public abstract sealed class CustomerBuilder<B extends CustomerBuilder<B>> permits CustomerAddBuilder, CustomerModBuilder {

    final CustomerFields fields = new CustomerFields();

    abstract B self();

    public B name(String name) {
        fields.name(name);
        return self();
    }

    public B companyName(String companyName) {
        fields.companyName(companyName);
        return self();
    }

    public B firstName(String firstName) {
        fields.firstName(firstName);
        return self();
    }

    public B lastName(String lastName) {
        fields.lastName(lastName);
        return self();
    }

    public B phone(String phone) {
        fields.phone(phone);
        return self();
    }

    public B email(String email) {
        fields.email(email);
        return self();
    }

    /** Where plugins keep the payment provider's customer id (e.g. GoCardless CU…, Stripe cus_…). */
    public B accountNumber(String accountNumber) {
        fields.accountNumber(accountNumber);
        return self();
    }

    public B notes(String notes) {
        fields.notes(notes);
        return self();
    }

    public B billAddress(String line1, String line2, String city, String region, String postalCode, String country) {
        fields.billAddress(line1, line2, city, region, postalCode, country);
        return self();
    }

    public B active(boolean active) {
        fields.active = active;
        return self();
    }
}
