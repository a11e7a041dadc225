package io.mlconnector.systems.qbo;

import com.google.gson.JsonObject;
import io.mlconnector.api.money.Money;

/** The customer fields a connector uses. {@code currency} is the customer's, or the company's home currency. */
public record QboCustomer(String id, String syncToken, String displayName, String companyName, String givenName,
                          String familyName, String email, boolean active, String currency, Money balance) {

    public static QboCustomer from(JsonObject o, String homeCurrency) {
        String currency = currencyOf(o, homeCurrency);
        JsonObject email = QboJson.object(o, "PrimaryEmailAddr");
        return new QboCustomer(QboJson.string(o, "Id"), QboJson.string(o, "SyncToken"), QboJson.string(o, "DisplayName"),
                QboJson.string(o, "CompanyName"), QboJson.string(o, "GivenName"), QboJson.string(o, "FamilyName"),
                email == null ? null : QboJson.string(email, "Address"), QboJson.bool(o, "Active", true), currency,
                QboAmounts.toMoney(o.get("Balance"), currency));
    }

    static String currencyOf(JsonObject o, String homeCurrency) {
        QboRef ref = QboRef.from(o.get("CurrencyRef"));
        return ref == null || ref.value() == null ? homeCurrency : ref.value();
    }
}
