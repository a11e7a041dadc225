package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fake's FreshBooks business: clients, invoices, payments, expenses, expense categories and
 * callbacks, plus the deliveries FreshBooks would post for each change. All access is synchronized.
 */
final class FbStore {

    static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> PAYMENT_TYPES = Set.of("Check", "Credit", "Cash", "Bank Transfer", "Credit Card",
            "Debit", "PayPal", "2Checkout", "VISA", "MASTERCARD", "DISCOVER", "AMEX", "DINERS", "JCB", "ACH", "Other");

    final String accountId;
    final String businessId = "7" + new SecureRandom().nextInt(100000, 999999);
    final String userId = "3" + new SecureRandom().nextInt(100000, 999999);
    final String identityId = "9" + new SecureRandom().nextInt(100000, 999999);

    private final ObjectMapper json;
    private final Clock clock;
    private Duration advanced = Duration.ZERO;
    private LocalDateTime lastUpdated = LocalDateTime.MIN;
    private long nextId = 1001;

    private final Map<String, ObjectNode> clients = new TreeMap<>(FbStore::byNumber);
    private final Map<String, ObjectNode> invoices = new TreeMap<>(FbStore::byNumber);
    private final Map<String, ObjectNode> payments = new TreeMap<>(FbStore::byNumber);
    private final Map<String, ObjectNode> expenses = new TreeMap<>(FbStore::byNumber);
    private final Map<String, ObjectNode> categories = new TreeMap<>(FbStore::byNumber);
    private final Map<String, ObjectNode> callbacks = new TreeMap<>(FbStore::byNumber);
    private final Map<String, String> verifiers = new LinkedHashMap<>();
    private final List<FakeDelivery> outbox = new ArrayList<>();

    FbStore(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        this.accountId = "Ac" + HexFormat.of().formatHex(random);
        for (String name : List.of("Bank Fees", "Office Supplies", "Advertising", "Merchant Fees")) {
            String id = id();
            ObjectNode category = json.createObjectNode();
            category.put("categoryid", Long.parseLong(id));
            category.put("id", Long.parseLong(id));
            category.put("category", name);
            category.put("is_editable", false);
            categories.put(id, category);
        }
    }

    private static int byNumber(String a, String b) {
        return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }

    // ---------------------------------------------------------------- time and ids

    synchronized LocalDate today() {
        return now().toLocalDate();
    }

    synchronized LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().plus(advanced), ZoneOffset.UTC);
    }

    synchronized void advance(Duration duration) {
        advanced = advanced.plus(duration);
    }

    /** A strictly increasing {@code updated} text, so "updated since" cursors are exact. */
    private String touch(ObjectNode node) {
        LocalDateTime now = now().withNano(0);
        lastUpdated = now.isAfter(lastUpdated) ? now : lastUpdated.plusSeconds(1);
        String text = UPDATED.format(lastUpdated);
        node.put("updated", text);
        return text;
    }

    private String id() {
        return Long.toString(nextId++);
    }

    // ---------------------------------------------------------------- clients

    synchronized ObjectNode createClient(JsonNode in) {
        String email = text(in, "email");
        String organization = text(in, "organization");
        if (email == null && organization == null && text(in, "fname") == null) {
            throw FbError.invalid("organization", "A client needs an organization, a name or an e-mail.");
        }
        String id = id();
        ObjectNode client = json.createObjectNode();
        client.put("id", Long.parseLong(id));
        client.put("userid", Long.parseLong(id));
        client.put("email", email == null ? "" : email);
        client.put("organization", organization == null ? "" : organization);
        client.put("fname", text(in, "fname") == null ? "" : text(in, "fname"));
        client.put("lname", text(in, "lname") == null ? "" : text(in, "lname"));
        client.put("currency_code", text(in, "currency_code") == null ? "USD" : text(in, "currency_code"));
        client.put("vis_state", 0);
        touch(client);
        clients.put(id, client);
        emit("client.create", id);
        return client.deepCopy();
    }

    synchronized ObjectNode updateClient(String id, JsonNode in) {
        ObjectNode client = existing(clients, id, "client");
        in.fields().forEachRemaining(f -> {
            if (Set.of("email", "organization", "fname", "lname", "vis_state").contains(f.getKey())) {
                client.set(f.getKey(), f.getValue());
            }
        });
        touch(client);
        emit(client.path("vis_state").asInt() == 1 ? "client.delete" : "client.update", id);
        return client.deepCopy();
    }

    synchronized ObjectNode client(String id) {
        return existing(clients, id, "client").deepCopy();
    }

    synchronized List<ObjectNode> clients(Map<String, String> search) {
        return clients.values().stream()
                .filter(c -> !search.containsKey("email") || c.path("email").asText().equalsIgnoreCase(search.get("email")))
                .filter(c -> c.path("vis_state").asInt() == 0)
                .map(ObjectNode::deepCopy).toList();
    }

    // ---------------------------------------------------------------- invoices

    synchronized ObjectNode createInvoice(JsonNode in) {
        String clientId = text(in, "customerid");
        if (clientId == null) {
            throw FbError.invalid("customerid", "An invoice needs a client.");
        }
        ObjectNode client = existing(clients, clientId, "client");
        String currency = text(in, "currency_code") == null ? client.path("currency_code").asText() : text(in, "currency_code");
        BigDecimal amount = BigDecimal.ZERO;
        for (JsonNode line : in.path("lines")) {
            BigDecimal qty = new BigDecimal(line.path("qty").asText("1"));
            amount = amount.add(new BigDecimal(line.path("unit_cost").path("amount").asText("0")).multiply(qty));
        }
        String id = id();
        ObjectNode invoice = json.createObjectNode();
        invoice.put("id", Long.parseLong(id));
        invoice.put("invoiceid", Long.parseLong(id));
        invoice.put("invoice_number", String.format("%07d", invoices.size() + 1));
        invoice.put("customerid", Long.parseLong(clientId));
        invoice.put("organization", client.path("organization").asText());
        invoice.put("fname", client.path("fname").asText());
        invoice.put("lname", client.path("lname").asText());
        invoice.put("currency_code", currency);
        invoice.put("create_date", today().toString());
        invoice.put("due_date", text(in, "due_date") == null ? today().plusDays(30).toString() : text(in, "due_date"));
        invoice.put("vis_state", 0);
        invoice.put("v3_status", "draft");
        invoice.set("lines", in.path("lines").deepCopy());
        setMoney(invoice, "amount", amount, currency);
        setMoney(invoice, "paid", BigDecimal.ZERO, currency);
        refreshStatus(invoice, "draft");
        touch(invoice);
        invoices.put(id, invoice);
        emit("invoice.create", id);
        return invoice.deepCopy();
    }

    /** FreshBooks' own status change (sending an invoice, deleting one) or a field update through the API. */
    synchronized ObjectNode updateInvoice(String id, JsonNode in) {
        ObjectNode invoice = existing(invoices, id, "invoice");
        if (in.has("action_mark_as_sent") || "sent".equals(text(in, "v3_status"))) {
            invoice.put("v3_status", "sent");
        }
        if (in.has("vis_state")) {
            invoice.put("vis_state", in.path("vis_state").asInt());
        }
        if (in.has("due_date")) {
            invoice.put("due_date", text(in, "due_date"));
        }
        refreshStatus(invoice, invoice.path("v3_status").asText());
        touch(invoice);
        emit(invoice.path("vis_state").asInt() == 1 ? "invoice.delete" : "invoice.update", id);
        return invoice.deepCopy();
    }

    synchronized ObjectNode invoice(String id) {
        return existing(invoices, id, "invoice").deepCopy();
    }

    synchronized List<ObjectNode> invoices(Map<String, String> search) {
        String updatedMin = search.get("updated_min");
        return invoices.values().stream()
                .filter(i -> updatedMin == null || i.path("updated").asText().compareTo(updatedMin) >= 0)
                .filter(i -> !search.containsKey("customerid") || i.path("customerid").asText().equals(search.get("customerid")))
                .filter(i -> updatedMin != null || i.path("vis_state").asInt() != 1)
                .map(ObjectNode::deepCopy).toList();
    }

    // ---------------------------------------------------------------- payments

    synchronized ObjectNode createPayment(JsonNode in) {
        String invoiceId = text(in, "invoiceid");
        if (invoiceId == null) {
            throw FbError.invalid("invoiceid", "A payment needs an invoice.");
        }
        ObjectNode invoice = existing(invoices, invoiceId, "invoice");
        if (invoice.path("vis_state").asInt() == 1) {
            throw FbError.invalid("invoiceid", "The invoice is deleted.");
        }
        String code = in.path("amount").path("code").asText(invoice.path("currency_code").asText());
        if (!code.equals(invoice.path("currency_code").asText())) {
            throw FbError.invalid("amount", "The payment's currency differs from the invoice's.");
        }
        BigDecimal amount = amount(in.path("amount").path("amount").asText(null), "amount");
        String type = text(in, "type") == null ? "Other" : text(in, "type");
        if (!PAYMENT_TYPES.contains(type)) {
            throw FbError.invalid("type", "Unknown payment type " + type + ".");
        }
        String id = id();
        ObjectNode payment = json.createObjectNode();
        payment.put("id", Long.parseLong(id));
        payment.put("paymentid", Long.parseLong(id));
        payment.put("invoiceid", Long.parseLong(invoiceId));
        payment.put("clientid", invoice.path("customerid").asLong());
        setMoney(payment, "amount", amount, code);
        payment.put("date", text(in, "date") == null ? today().toString() : text(in, "date"));
        payment.put("type", type);
        payment.put("note", text(in, "note") == null ? "" : text(in, "note"));
        payment.put("vis_state", 0);
        touch(payment);
        payments.put(id, payment);
        applyToInvoice(invoice, amount);
        emit("payment.create", id);
        emit("invoice.update", invoiceId);
        return payment.deepCopy();
    }

    synchronized ObjectNode updatePayment(String id, JsonNode in) {
        ObjectNode payment = existing(payments, id, "payment");
        if (in.path("vis_state").asInt(0) == 1 && payment.path("vis_state").asInt() == 0) {
            payment.put("vis_state", 1);
            touch(payment);
            ObjectNode invoice = invoices.get(payment.path("invoiceid").asText());
            applyToInvoice(invoice, new BigDecimal(payment.path("amount").path("amount").asText()).negate());
            emit("payment.delete", id);
            emit("invoice.update", invoice.path("invoiceid").asText());
        } else if (in.has("note")) {
            payment.put("note", text(in, "note"));
            touch(payment);
            emit("payment.update", id);
        }
        return payment.deepCopy();
    }

    synchronized ObjectNode payment(String id) {
        return existing(payments, id, "payment").deepCopy();
    }

    synchronized List<ObjectNode> payments(Map<String, String> search) {
        return payments.values().stream()
                .filter(p -> !search.containsKey("invoiceid") || p.path("invoiceid").asText().equals(search.get("invoiceid")))
                .map(ObjectNode::deepCopy).toList();
    }

    synchronized List<ObjectNode> allPayments() {
        return payments.values().stream().map(ObjectNode::deepCopy).toList();
    }

    private void applyToInvoice(ObjectNode invoice, BigDecimal delta) {
        String currency = invoice.path("currency_code").asText();
        BigDecimal paid = new BigDecimal(invoice.path("paid").path("amount").asText()).add(delta);
        setMoney(invoice, "paid", paid, currency);
        refreshStatus(invoice, invoice.path("v3_status").asText());
        touch(invoice);
    }

    private void refreshStatus(ObjectNode invoice, String current) {
        String currency = invoice.path("currency_code").asText();
        BigDecimal amount = new BigDecimal(invoice.path("amount").path("amount").asText());
        BigDecimal paid = new BigDecimal(invoice.path("paid").path("amount").asText());
        BigDecimal outstanding = amount.subtract(paid).max(BigDecimal.ZERO);
        setMoney(invoice, "outstanding", outstanding, currency);
        String status = current;
        if (!"draft".equals(current)) {
            status = paid.signum() == 0 ? "sent" : outstanding.signum() == 0 ? "paid" : "partial";
        }
        invoice.put("v3_status", status);
        invoice.put("payment_status", paid.signum() == 0 ? "unpaid" : outstanding.signum() == 0 ? "paid" : "partial");
        invoice.put("status", switch (status) {
            case "draft" -> 1;
            case "sent" -> 2;
            case "paid" -> 4;
            default -> 8;
        });
    }

    // ---------------------------------------------------------------- expenses

    synchronized ObjectNode createExpense(JsonNode in) {
        for (String required : List.of("categoryid", "staffid", "date")) {
            if (text(in, required) == null) {
                throw FbError.invalid(required, "Field " + required + " is required.");
            }
        }
        existing(categories, text(in, "categoryid"), "category");
        String code = in.path("amount").path("code").asText(null);
        if (code == null) {
            throw FbError.invalid("amount", "Field amount is required.");
        }
        BigDecimal amount = amount(in.path("amount").path("amount").asText(null), "amount");
        String id = id();
        ObjectNode expense = json.createObjectNode();
        expense.put("id", Long.parseLong(id));
        expense.put("expenseid", Long.parseLong(id));
        expense.put("categoryid", Long.parseLong(text(in, "categoryid")));
        expense.put("staffid", Long.parseLong(text(in, "staffid")));
        setMoney(expense, "amount", amount, code);
        expense.put("date", text(in, "date"));
        expense.put("vendor", text(in, "vendor") == null ? "" : text(in, "vendor"));
        expense.put("notes", text(in, "notes") == null ? "" : text(in, "notes"));
        expense.put("vis_state", 0);
        touch(expense);
        expenses.put(id, expense);
        emit("expense.create", id);
        return expense.deepCopy();
    }

    synchronized ObjectNode expense(String id) {
        return existing(expenses, id, "expense").deepCopy();
    }

    synchronized List<ObjectNode> expenses() {
        return expenses.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized List<ObjectNode> categories() {
        return categories.values().stream().map(ObjectNode::deepCopy).toList();
    }

    // ---------------------------------------------------------------- callbacks

    synchronized ObjectNode createCallback(JsonNode in) {
        String event = text(in, "event");
        String uri = text(in, "uri");
        if (event == null || !event.matches("[a-z_]+(\\.[a-z_]+)?")) {
            throw FbError.invalid("event", "Unknown event.");
        }
        if (uri == null || !uri.matches("https?://.+")) {
            throw FbError.invalid("uri", "The uri must be an http(s) URL.");
        }
        String id = id();
        ObjectNode callback = json.createObjectNode();
        callback.put("callbackid", Long.parseLong(id));
        callback.put("id", Long.parseLong(id));
        callback.put("event", event);
        callback.put("uri", uri);
        callback.put("verified", false);
        callback.put("updated_at", now().withNano(0) + "Z");
        callbacks.put(id, callback);
        byte[] code = new byte[24];
        new SecureRandom().nextBytes(code);
        verifiers.put(id, Base64.getUrlEncoder().withoutPadding().encodeToString(code));
        queueHandshake(callback);
        return callback.deepCopy();
    }

    synchronized ObjectNode updateCallback(String id, JsonNode in) {
        ObjectNode callback = existing(callbacks, id, "callback");
        if (in.path("resend").asBoolean(false)) {
            queueHandshake(callback);
        } else if (in.has("verifier")) {
            if (!verifiers.get(id).equals(text(in, "verifier"))) {
                throw FbError.invalid("verifier", "The verifier is not valid for this callback.");
            }
            callback.put("verified", true);
        } else if (in.has("uri")) {
            callback.put("uri", text(in, "uri"));
            callback.put("verified", false);
            queueHandshake(callback);
        }
        return callback.deepCopy();
    }

    synchronized void deleteCallback(String id) {
        existing(callbacks, id, "callback");
        callbacks.remove(id);
    }

    synchronized List<ObjectNode> callbacks() {
        return callbacks.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized String verifierOf(String callbackId) {
        return verifiers.get(callbackId);
    }

    private void queueHandshake(ObjectNode callback) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "callback.verify");
        fields.put("object_id", callback.path("callbackid").asText());
        fields.put("verifier", verifiers.get(callback.path("callbackid").asText()));
        fields.put("account_id", accountId);
        fields.put("business_id", businessId);
        fields.put("identity_id", identityId);
        fields.put("user_id", userId);
        outbox.add(new FakeDelivery(callback.path("uri").asText(), fields, null));
    }

    /** Queues a delivery to every verified callback subscribed to the event or to its noun. */
    private void emit(String name, String objectId) {
        String noun = name.substring(0, name.indexOf('.'));
        for (ObjectNode callback : callbacks.values()) {
            String event = callback.path("event").asText();
            if (!callback.path("verified").asBoolean() || !(event.equals(name) || event.equals(noun))) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("object_id", objectId);
            fields.put("account_id", accountId);
            fields.put("business_id", businessId);
            fields.put("identity_id", identityId);
            fields.put("user_id", userId);
            String verifier = verifiers.get(callback.path("callbackid").asText());
            outbox.add(new FakeDelivery(callback.path("uri").asText(), fields, sign(verifier, fields)));
        }
    }

    synchronized List<FakeDelivery> takeOutbox() {
        List<FakeDelivery> taken = List.copyOf(outbox);
        outbox.clear();
        return taken;
    }

    static String sign(String verifier, Map<String, String> fields) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(verifier.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal(PythonJson.dumps(fields).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private ObjectNode existing(Map<String, ObjectNode> table, String id, String what) {
        ObjectNode node = id == null ? null : table.get(id);
        if (node == null) {
            throw FbError.notFound(what + " " + id);
        }
        return node;
    }

    private void setMoney(ObjectNode node, String field, BigDecimal amount, String code) {
        ObjectNode money = node.putObject(field);
        money.put("amount", amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        money.put("code", code);
    }

    private static BigDecimal amount(String text, String field) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.scale() > 2) {
                throw FbError.invalid(field, "Amounts have at most two decimals.");
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            throw FbError.invalid(field, "Field " + field + " is required.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
