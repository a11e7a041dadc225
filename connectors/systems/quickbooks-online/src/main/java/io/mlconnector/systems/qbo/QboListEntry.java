package io.mlconnector.systems.qbo;

import com.google.gson.JsonObject;

/**
 * An entry of a name list people pick from in settings: an Account, PaymentMethod or Item.
 *
 * @param type for accounts the AccountType (e.g. {@code Bank}, {@code Expense}); for items the Type
 */
public record QboListEntry(String id, String name, String type, boolean active) {

    public static QboListEntry account(JsonObject o) {
        return new QboListEntry(QboJson.string(o, "Id"), QboJson.string(o, "FullyQualifiedName") != null
                ? QboJson.string(o, "FullyQualifiedName") : QboJson.string(o, "Name"),
                QboJson.string(o, "AccountType"), QboJson.bool(o, "Active", true));
    }

    public static QboListEntry paymentMethod(JsonObject o) {
        return new QboListEntry(QboJson.string(o, "Id"), QboJson.string(o, "Name"), QboJson.string(o, "Type"),
                QboJson.bool(o, "Active", true));
    }

    public static QboListEntry item(JsonObject o) {
        return new QboListEntry(QboJson.string(o, "Id"), QboJson.string(o, "Name"), QboJson.string(o, "Type"),
                QboJson.bool(o, "Active", true));
    }
}
