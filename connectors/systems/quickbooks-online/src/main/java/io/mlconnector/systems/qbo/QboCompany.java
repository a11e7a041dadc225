package io.mlconnector.systems.qbo;

/**
 * What a connector needs to know about the company at connect time.
 *
 * @param homeCurrency  the currency of the books (Preferences.CurrencyPrefs.HomeCurrency)
 * @param multiCurrency whether the company can hold transactions in other currencies
 */
public record QboCompany(String realmId, String companyName, String country, String homeCurrency, boolean multiCurrency) {

    /** True when a transaction in {@code currency} can be recorded in this company. */
    public boolean accepts(String currency) {
        return homeCurrency.equalsIgnoreCase(currency) || multiCurrency;
    }
}
