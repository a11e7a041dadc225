package io.mlconnector.testkit.qbo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One QuickBooks Online company (realm) inside {@link FakeQuickBooksOnline}: its objects with Id,
 * SyncToken and MetaData, and the bookkeeping rules the connector relies on. A Payment linked to an
 * invoice lowers its Balance and appears in the invoice's LinkedTxn; deleting it reopens the
 * invoice; a Payment in a Deposit cannot be changed (6540); names are unique (6240); an update
 * with an old SyncToken fails with 5010. Test methods ({@code addCustomer}, {@code editAsUser}, …)
 * act as a person using QuickBooks would.
 */
public final class FakeQboCompany {

    /** Intuit stamps times in the company's zone; the fake uses Pacific standard time like the samples. */
    static final ZoneOffset ZONE = ZoneOffset.ofHours(-8);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private final String realmId;
    private final Clock clock;
    private final Consumer<QboChange> changes;
    private final Map<String, Map<String, ObjectNode>> objects = new LinkedHashMap<>();
    private final Map<String, String> deletedEntities = new LinkedHashMap<>();
    private final List<QboChange> log = new ArrayList<>();
    private final String name;
    private final String homeCurrency;
    private final boolean multiCurrency;
    private int nextId = 1;
    private final String undepositedFundsId;

    FakeQboCompany(String realmId, String name, String homeCurrency, boolean multiCurrency, Clock clock, Consumer<QboChange> changes) {
        this.realmId = realmId;
        this.name = name;
        this.homeCurrency = homeCurrency;
        this.multiCurrency = multiCurrency;
        this.clock = clock;
        this.changes = changes;
        // Every company has these from the start.
        this.undepositedFundsId = addAccount("Undeposited Funds", "Other Current Asset");
    }

    public String realmId() {
        return realmId;
    }

    public String homeCurrency() {
        return homeCurrency;
    }

    public String undepositedFundsId() {
        return undepositedFundsId;
    }

    // ---- set-up and actions of a person using QuickBooks ----

    public synchronized String addAccount(String accountName, String accountType) {
        ObjectNode a = JSON.objectNode();
        a.put("Name", accountName);
        a.put("FullyQualifiedName", accountName);
        a.put("AccountType", accountType);
        a.put("Active", true);
        return id(create("Account", a));
    }

    public synchronized String addPaymentMethod(String methodName) {
        ObjectNode m = JSON.objectNode();
        m.put("Name", methodName);
        m.put("Type", "NON_CREDIT_CARD");
        m.put("Active", true);
        return id(create("PaymentMethod", m));
    }

    public synchronized String addItem(String itemName) {
        ObjectNode i = JSON.objectNode();
        i.put("Name", itemName);
        i.put("Type", "Service");
        i.put("Active", true);
        return id(create("Item", i));
    }

    public synchronized String addCustomer(String displayName, String email) {
        ObjectNode c = JSON.objectNode();
        c.put("DisplayName", displayName);
        if (email != null) {
            c.putObject("PrimaryEmailAddr").put("Address", email);
        }
        c.put("Active", true);
        return id(create("Customer", c));
    }

    /** An invoice of one line for {@code amount} (a decimal string such as {@code "120.00"}). */
    public synchronized String addInvoice(String customerId, String amount, LocalDate dueDate) {
        ObjectNode inv = JSON.objectNode();
        inv.putObject("CustomerRef").put("value", customerId);
        inv.put("TxnDate", LocalDate.ofInstant(clock.instant(), ZONE).toString());
        inv.put("DueDate", dueDate.toString());
        ObjectNode line = inv.putArray("Line").addObject();
        line.put("Amount", new BigDecimal(amount));
        line.put("DetailType", "SalesItemLineDetail");
        return id(create("Invoice", inv));
    }

    /** A person edits the object in QuickBooks: the field changes and the SyncToken moves on. */
    public synchronized void editAsUser(String entity, String id, String field, String value) {
        ObjectNode changes = JSON.objectNode();
        changes.put("Id", id);
        changes.put("SyncToken", get(entity, id).get("SyncToken").asText());
        changes.put(field, value);
        changes.put("sparse", true);
        update(entity, changes);
    }

    /** A copy of the object as stored, or null. */
    public synchronized ObjectNode get(String entity, String id) {
        ObjectNode o = objects.getOrDefault(entity, Map.of()).get(id);
        return o == null ? null : o.deepCopy();
    }

    public synchronized List<ObjectNode> all(String entity) {
        return objects.getOrDefault(entity, Map.of()).values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** An invoice's balance still due, as a decimal. */
    public synchronized BigDecimal balanceOf(String invoiceId) {
        return require("Invoice", invoiceId).get("Balance").decimalValue();
    }

    // ---- the API's operations ----

    synchronized ObjectNode create(String entity, ObjectNode body) {
        ObjectNode o = body.deepCopy();
        o.remove("sparse");
        if (o.has("Id")) {
            throw QboFault.validation("2010", "Request has invalid or unsupported property", "Property Name:Id specified is unsupported or invalid on create");
        }
        switch (entity) {
            case "Customer", "Account", "Item", "PaymentMethod" -> requireUniqueName(entity, o, null);
            case "Invoice", "CreditMemo", "SalesReceipt", "RefundReceipt" -> {
                requireCustomer(o);
                BigDecimal total = sumLines(o);
                o.put("TotalAmt", total);
                if ("Invoice".equals(entity)) {
                    o.put("Balance", total);
                    if (!o.has("DocNumber")) {
                        o.put("DocNumber", String.valueOf(1000 + nextId));
                    }
                    if (!o.has("DueDate")) {
                        o.put("DueDate", o.path("TxnDate").asText(LocalDate.ofInstant(clock.instant(), ZONE).toString()));
                    }
                    o.putArray("LinkedTxn");
                }
                if ("RefundReceipt".equals(entity) && !o.has("DepositToAccountRef")) {
                    throw QboFault.validation("2020", "Required param missing, need to supply the required value for the API", "Required parameter DepositToAccountRef is missing in the request");
                }
            }
            case "Payment" -> preparePayment(o);
            case "Deposit" -> prepareDeposit(o);
            default -> {
            }
        }
        if (!o.has("TxnDate") && isTransaction(entity)) {
            o.put("TxnDate", LocalDate.ofInstant(clock.instant(), ZONE).toString());
        }
        String id = String.valueOf(nextId++);
        o.put("Id", id);
        o.put("SyncToken", "0");
        o.put("domain", "QBO");
        String now = now();
        ObjectNode meta = o.putObject("MetaData");
        meta.put("CreateTime", now);
        meta.put("LastUpdatedTime", now);
        objects.computeIfAbsent(entity, e -> new LinkedHashMap<>()).put(id, o);
        if ("Payment".equals(entity)) {
            applyPayment(o, +1);
        } else if ("Deposit".equals(entity)) {
            markDeposited(o, id);
        }
        record(entity, id, "Create");
        return o.deepCopy();
    }

    synchronized ObjectNode update(String entity, ObjectNode body) {
        String id = body.path("Id").asText(null);
        ObjectNode current = require(entity, id);
        if (!current.path("SyncToken").asText().equals(body.path("SyncToken").asText())) {
            throw QboFault.staleObject();
        }
        if ("Payment".equals(entity) && current.has("DepositedIn")) {
            throw QboFault.deposited();
        }
        boolean sparse = body.path("sparse").asBoolean(false);
        ObjectNode next = sparse ? current.deepCopy() : JSON.objectNode();
        if (!sparse) {
            for (String keep : List.of("Id", "MetaData", "domain", "Balance", "LinkedTxn", "DepositedIn")) {
                if (current.has(keep)) {
                    next.set(keep, current.get(keep));
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!List.of("Id", "SyncToken", "sparse", "MetaData", "domain").contains(f.getKey())) {
                next.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        if (List.of("Customer", "Account", "Item", "PaymentMethod").contains(entity)) {
            requireUniqueName(entity, next, id);
        }
        if ("Payment".equals(entity)) {
            applyPayment(current, -1);
            try {
                preparePayment(next);
            } catch (QboFault f) {
                applyPayment(current, +1);
                throw f;
            }
            applyPayment(next, +1);
        }
        next.put("SyncToken", String.valueOf(current.path("SyncToken").asInt() + 1));
        ((ObjectNode) next.get("MetaData")).put("LastUpdatedTime", now());
        objects.get(entity).put(id, next);
        record(entity, id, "Update");
        return next.deepCopy();
    }

    synchronized ObjectNode delete(String entity, ObjectNode body) {
        String id = body.path("Id").asText(null);
        ObjectNode current = require(entity, id);
        if (!current.path("SyncToken").asText().equals(body.path("SyncToken").asText())) {
            throw QboFault.staleObject();
        }
        if ("Payment".equals(entity) && current.has("DepositedIn")) {
            throw QboFault.deposited();
        }
        if ("Invoice".equals(entity) && current.path("LinkedTxn").size() > 0) {
            throw QboFault.validation("6480", "Delete transaction error", "This transaction is linked to other transactions; unlink them first.");
        }
        if ("Payment".equals(entity)) {
            applyPayment(current, -1);
        } else if ("Deposit".equals(entity)) {
            for (String paymentId : linkedIds(current, "Payment")) {
                ObjectNode p = objects.getOrDefault("Payment", Map.of()).get(paymentId);
                if (p != null) {
                    p.remove("DepositedIn");
                }
            }
        }
        objects.get(entity).remove(id);
        deletedEntities.put(entity + ":" + id, now());
        record(entity, id, "Delete");
        ObjectNode answer = JSON.objectNode();
        answer.put("domain", "QBO");
        answer.put("status", "Deleted");
        answer.put("Id", id);
        return answer;
    }

    synchronized ObjectNode read(String entity, String id) {
        return require(entity, id).deepCopy();
    }

    synchronized ObjectNode companyInfo() {
        ObjectNode info = JSON.objectNode();
        info.put("CompanyName", name);
        info.put("LegalName", name);
        info.put("Country", "GBP".equals(homeCurrency) ? "GB" : "US");
        info.put("Id", "1");
        info.put("SyncToken", "0");
        info.put("domain", "QBO");
        return info;
    }

    synchronized ObjectNode preferences() {
        ObjectNode prefs = JSON.objectNode();
        ObjectNode currency = prefs.putObject("CurrencyPrefs");
        currency.put("MultiCurrencyEnabled", multiCurrency);
        currency.putObject("HomeCurrency").put("value", homeCurrency);
        prefs.put("Id", "1");
        prefs.put("SyncToken", "0");
        return prefs;
    }

    /** The current state of every object of {@code entities} changed after {@code since}; deleted ones as stubs. */
    synchronized Map<String, List<ObjectNode>> changedSince(List<String> entities, Instant since) {
        Map<String, List<ObjectNode>> out = new LinkedHashMap<>();
        for (String entity : entities) {
            List<ObjectNode> list = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = log.size() - 1; i >= 0; i--) {
                QboChange c = log.get(i);
                if (!c.entity().equals(entity) || !c.at().isAfter(since) || !seen.add(c.id())) {
                    continue;
                }
                ObjectNode current = objects.getOrDefault(entity, Map.of()).get(c.id());
                if (current != null) {
                    list.add(0, current.deepCopy());
                } else if ("Delete".equals(c.operation())) {
                    ObjectNode stub = JSON.objectNode();
                    stub.put("domain", "QBO");
                    stub.put("status", "Deleted");
                    stub.put("Id", c.id());
                    stub.putObject("MetaData").put("LastUpdatedTime", format(c.at()));
                    list.add(0, stub);
                }
            }
            out.put(entity, list);
        }
        return out;
    }

    // ---- rules ----

    private void preparePayment(ObjectNode p) {
        requireCustomer(p);
        if (!p.has("TotalAmt")) {
            throw QboFault.validation("2020", "Required param missing, need to supply the required value for the API", "Required parameter TotalAmt is missing in the request");
        }
        String customerId = p.path("CustomerRef").path("value").asText();
        BigDecimal applied = BigDecimal.ZERO;
        for (JsonNode line : p.path("Line")) {
            BigDecimal amount = line.path("Amount").decimalValue();
            applied = applied.add(amount);
            for (JsonNode linked : line.path("LinkedTxn")) {
                if ("Invoice".equals(linked.path("TxnType").asText())) {
                    ObjectNode invoice = require("Invoice", linked.path("TxnId").asText());
                    if (!customerId.equals(invoice.path("CustomerRef").path("value").asText())) {
                        throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                                "Business Validation Error: The invoice belongs to another customer.");
                    }
                    if (amount.compareTo(invoice.path("Balance").decimalValue()) > 0) {
                        throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                                "Business Validation Error: The payment amount is more than the invoice's open balance.");
                    }
                }
            }
        }
        BigDecimal total = p.path("TotalAmt").decimalValue();
        if (applied.compareTo(total) > 0) {
            throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                    "Business Validation Error: The amounts applied exceed the payment's total.");
        }
        p.put("UnappliedAmt", total.subtract(applied));
        if (!p.has("DepositToAccountRef")) {
            p.putObject("DepositToAccountRef").put("value", undepositedFundsId);
        }
    }

    /** Applies (+1) or removes (-1) a payment's lines on the invoices it links. */
    private void applyPayment(ObjectNode p, int sign) {
        String paymentId = p.path("Id").asText(null);
        for (JsonNode line : p.path("Line")) {
            BigDecimal amount = line.path("Amount").decimalValue();
            for (JsonNode linked : line.path("LinkedTxn")) {
                if (!"Invoice".equals(linked.path("TxnType").asText())) {
                    continue;
                }
                ObjectNode invoice = objects.getOrDefault("Invoice", Map.of()).get(linked.path("TxnId").asText());
                if (invoice == null) {
                    continue;
                }
                BigDecimal balance = invoice.path("Balance").decimalValue();
                invoice.put("Balance", sign > 0 ? balance.subtract(amount) : balance.add(amount));
                ArrayNode invoiceLinks = invoice.withArray("LinkedTxn");
                if (sign > 0 && paymentId != null) {
                    ObjectNode link = invoiceLinks.addObject();
                    link.put("TxnId", paymentId);
                    link.put("TxnType", "Payment");
                } else if (paymentId != null) {
                    for (int i = invoiceLinks.size() - 1; i >= 0; i--) {
                        if (paymentId.equals(invoiceLinks.get(i).path("TxnId").asText())) {
                            invoiceLinks.remove(i);
                        }
                    }
                }
                invoice.put("SyncToken", String.valueOf(invoice.path("SyncToken").asInt() + 1));
                ((ObjectNode) invoice.get("MetaData")).put("LastUpdatedTime", now());
                record("Invoice", invoice.path("Id").asText(), "Update");
            }
        }
    }

    private void prepareDeposit(ObjectNode d) {
        String bank = d.path("DepositToAccountRef").path("value").asText(null);
        if (bank == null) {
            throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                    "Business Validation Error: Select a bank account for this deposit.");
        }
        require("Account", bank);
        java.util.Set<String> inThisDeposit = new java.util.HashSet<>();
        for (JsonNode line : d.path("Line")) {
            boolean linked = line.path("LinkedTxn").size() > 0;
            if (linked && line.has("DepositLineDetail")) {
                // What Intuit answers when a linked line also carries a detail (python-quickbooks #391).
                throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                        "Business Validation Error: Select a bank account for this deposit.");
            }
            for (JsonNode l : line.path("LinkedTxn")) {
                if (!"Payment".equals(l.path("TxnType").asText())) {
                    continue;
                }
                ObjectNode payment = require("Payment", l.path("TxnId").asText());
                if (payment.has("DepositedIn") || !inThisDeposit.add(payment.path("Id").asText())) {
                    throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                            "Business Validation Error: Payment " + payment.path("Id").asText() + " has already been deposited.");
                }
                if (!undepositedFundsId.equals(payment.path("DepositToAccountRef").path("value").asText())) {
                    throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                            "Business Validation Error: Only payments in Undeposited Funds can be deposited.");
                }
                if (line.path("Amount").decimalValue().compareTo(payment.path("TotalAmt").decimalValue()) != 0) {
                    throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                            "Business Validation Error: A deposited payment is deposited in full.");
                }
            }
            if (!linked) {
                String account = line.path("DepositLineDetail").path("AccountRef").path("value").asText(null);
                if (account == null) {
                    throw QboFault.validation("2020", "Required param missing, need to supply the required value for the API",
                            "Required parameter Line.DepositLineDetail.AccountRef is missing in the request");
                }
                require("Account", account);
            }
        }
        d.put("TotalAmt", sumLines(d));
    }

    private void markDeposited(ObjectNode deposit, String depositId) {
        for (String paymentId : linkedIds(deposit, "Payment")) {
            objects.get("Payment").get(paymentId).put("DepositedIn", depositId);
        }
    }

    private static List<String> linkedIds(ObjectNode txn, String type) {
        List<String> ids = new ArrayList<>();
        for (JsonNode line : txn.path("Line")) {
            for (JsonNode l : line.path("LinkedTxn")) {
                if (type.equals(l.path("TxnType").asText())) {
                    ids.add(l.path("TxnId").asText());
                }
            }
        }
        return ids;
    }

    private void requireCustomer(ObjectNode o) {
        String customerId = o.path("CustomerRef").path("value").asText(null);
        if (customerId == null) {
            throw QboFault.validation("2020", "Required param missing, need to supply the required value for the API", "Required parameter CustomerRef is missing in the request");
        }
        require("Customer", customerId);
        String currency = o.path("CurrencyRef").path("value").asText(homeCurrency);
        if (!currency.equals(homeCurrency) && !multiCurrency) {
            throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                    "Business Validation Error: Multi-currency is not enabled; transactions are in " + homeCurrency + ".");
        }
    }

    private void requireUniqueName(String entity, ObjectNode o, String selfId) {
        String field = "Customer".equals(entity) ? "DisplayName" : "Name";
        String value = o.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw QboFault.validation("2020", "Required param missing, need to supply the required value for the API", "Required parameter " + field + " is missing in the request");
        }
        for (ObjectNode other : objects.getOrDefault(entity, Map.of()).values()) {
            if (!other.path("Id").asText().equals(selfId) && value.equalsIgnoreCase(other.path(field).asText())) {
                throw QboFault.duplicateName();
            }
        }
    }

    private ObjectNode require(String entity, String id) {
        ObjectNode o = id == null ? null : objects.getOrDefault(entity, Map.of()).get(id);
        if (o == null) {
            throw QboFault.notFound(entity, id);
        }
        return o;
    }

    private static BigDecimal sumLines(ObjectNode o) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : o.path("Line")) {
            if (!"SubTotalLineDetail".equals(line.path("DetailType").asText())) {
                total = total.add(line.path("Amount").decimalValue());
            }
        }
        return total;
    }

    private static boolean isTransaction(String entity) {
        return List.of("Invoice", "Payment", "Deposit", "CreditMemo", "RefundReceipt", "SalesReceipt").contains(entity);
    }

    private void record(String entity, String id, String operation) {
        QboChange change = new QboChange(UUID.randomUUID().toString(), realmId, entity, id, operation, clock.instant());
        log.add(change);
        changes.accept(change);
    }

    private String now() {
        return format(clock.instant());
    }

    static String format(Instant instant) {
        return TIME.format(instant.atOffset(ZONE));
    }

    private static String id(ObjectNode o) {
        return o.path("Id").asText();
    }
}
