package io.mlconnector.systems.qbo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a QuickBooks Online webhook body into notifications, whichever payload it is:
 * <ul>
 *   <li>legacy: {@code {"eventNotifications":[{"realmId","dataChangeEvent":{"entities":[{"name","id",
 *       "operation","lastUpdated","deletedId"?}]}}]}}</li>
 *   <li>CloudEvents 1.0: a JSON array of {@code {"specversion":"1.0","id","source","type":
 *       "qbo.<entity>.<operation>.v1","time","intuitentityid","intuitaccountid","data"}}</li>
 * </ul>
 * Either may name several companies in one delivery.
 */
public final class QboWebhookParser {

    /** CloudEvents spell the entity in lower case; the API's names are restored from this list. */
    private static final Map<String, String> ENTITY_NAMES = names("Account", "Bill", "BillPayment", "Budget", "Class",
            "CreditMemo", "Currency", "Customer", "Department", "Deposit", "Employee", "Estimate", "Invoice", "Item",
            "JournalCode", "JournalEntry", "Payment", "PaymentMethod", "Preferences", "Purchase", "PurchaseOrder",
            "RefundReceipt", "SalesReceipt", "TaxAgency", "Term", "TimeActivity", "Transfer", "Vendor", "VendorCredit");

    public List<QboNotification> parse(byte[] body) {
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new QboWebhookParseException("The webhook body is not JSON");
        }
        if (root.isJsonArray()) {
            return cloudEvents(root);
        }
        if (root.isJsonObject() && root.getAsJsonObject().has("eventNotifications")) {
            return legacy(root.getAsJsonObject());
        }
        throw new QboWebhookParseException("The webhook body is neither an eventNotifications object nor a CloudEvents array");
    }

    private static List<QboNotification> legacy(JsonObject root) {
        List<QboNotification> out = new ArrayList<>();
        for (JsonElement n : QboJson.array(root.get("eventNotifications"))) {
            if (!n.isJsonObject()) {
                throw new QboWebhookParseException("An eventNotifications entry is not an object");
            }
            String realm = require(QboJson.string(n.getAsJsonObject(), "realmId"), "realmId");
            JsonObject change = QboJson.object(n.getAsJsonObject(), "dataChangeEvent");
            for (JsonObject e : QboJson.objects(change, "entities")) {
                String entity = require(QboJson.string(e, "name"), "entity name");
                String id = require(QboJson.string(e, "id"), "entity id");
                String operationName = require(QboJson.string(e, "operation"), "operation");
                String lastUpdated = QboJson.string(e, "lastUpdated");
                String eventId = realm + ":" + entity + ":" + id + ":" + operationName + ":" + (lastUpdated == null ? "" : lastUpdated);
                out.add(new QboNotification(eventId, realm, entity, id, QboOperation.fromLegacy(operationName),
                        instant(lastUpdated), QboJson.string(e, "deletedId")));
            }
        }
        return out;
    }

    private static List<QboNotification> cloudEvents(JsonElement root) {
        List<QboNotification> out = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray()) {
            if (!element.isJsonObject()) {
                throw new QboWebhookParseException("A CloudEvents entry is not an object");
            }
            JsonObject e = element.getAsJsonObject();
            String type = require(QboJson.string(e, "type"), "type");
            String[] parts = type.split("\\.");
            if (parts.length < 3 || !"qbo".equals(parts[0])) {
                throw new QboWebhookParseException("Unexpected CloudEvents type '" + abbreviate(type) + "'");
            }
            String entity = ENTITY_NAMES.getOrDefault(parts[1].toLowerCase(Locale.ROOT), capitalise(parts[1]));
            JsonObject data = QboJson.object(e, "data");
            out.add(new QboNotification(
                    require(QboJson.string(e, "id"), "id"),
                    require(QboJson.string(e, "intuitaccountid"), "intuitaccountid"),
                    entity,
                    require(QboJson.string(e, "intuitentityid"), "intuitentityid"),
                    QboOperation.fromCloudEvent(parts[2]),
                    instant(QboJson.string(e, "time")),
                    data == null ? null : QboJson.string(data, "deletedId")));
        }
        return out;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new QboWebhookParseException("A notification has no " + what);
        }
        return value;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static Map<String, String> names(String... names) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String n : names) {
            map.put(n.toLowerCase(Locale.ROOT), n);
        }
        return Map.copyOf(map);
    }
}
