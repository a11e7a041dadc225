package io.mlconnector.testkit.zuora;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fake tenant's objects as Zuora's Object Query API writes them: camelCase fields, amounts as
 * decimal numbers, times with the tenant's offset. Every change moves {@code updatedDate} forward
 * one second, so "updated after" lists see it.
 */
final class ZuoraStore {

    /** Zuora tenants write times in the tenant's zone; Pacific is a common one. */
    static final ZoneOffset TENANT_OFFSET = ZoneOffset.ofHours(-8);

    private final ObjectMapper json;
    private final Clock clock;
    private Duration advanced = Duration.ZERO;
    private Instant lastStamp = Instant.EPOCH;

    private final Map<String, ObjectNode> accounts = new LinkedHashMap<>();
    private final Map<String, ObjectNode> invoices = new LinkedHashMap<>();
    private final Map<String, ObjectNode> payments = new LinkedHashMap<>();
    private final Map<String, ObjectNode> refunds = new LinkedHashMap<>();
    private final List<FakeZuoraCallout> callouts = new ArrayList<>();
    private int accountSeq;
    private int invoiceSeq;
    private int paymentSeq;
    private int refundSeq;

    ZuoraStore(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    synchronized Instant now() {
        return clock.instant().plus(advanced);
    }

    synchronized void advance(Duration duration) {
        advanced = advanced.plus(duration);
    }

    /** A strictly increasing updated time, whole seconds as Zuora keeps them. */
    private String stamp() {
        Instant now = now().truncatedTo(ChronoUnit.SECONDS);
        if (!now.isAfter(lastStamp)) {
            now = lastStamp.plusSeconds(1);
        }
        lastStamp = now;
        return OffsetDateTime.ofInstant(now, TENANT_OFFSET).toString();
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    Map<String, ObjectNode> table(String object) {
        return switch (object) {
            case "accounts" -> accounts;
            case "invoices" -> invoices;
            case "payments" -> payments;
            case "refunds" -> refunds;
            default -> null;
        };
    }

    /** By id or by number, as Zuora's keys accept either. */
    synchronized Optional<ObjectNode> find(String object, String key) {
        Map<String, ObjectNode> table = table(object);
        if (table == null) {
            return Optional.empty();
        }
        ObjectNode byId = table.get(key);
        if (byId != null) {
            return Optional.of(byId.deepCopy());
        }
        String numberField = switch (object) {
            case "accounts" -> "accountNumber";
            case "invoices" -> "invoiceNumber";
            case "payments" -> "paymentNumber";
            default -> "refundNumber";
        };
        return table.values().stream().filter(n -> key.equals(n.path(numberField).asText())).findFirst().map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> all(String object) {
        return table(object).values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized List<FakeZuoraCallout> takeCallouts() {
        List<FakeZuoraCallout> taken = List.copyOf(callouts);
        callouts.clear();
        return taken;
    }

    // ---------------------------------------------------------------- accounts

    synchronized ObjectNode createAccount(ObjectNode in) {
        ObjectNode account = json.createObjectNode();
        String id = newId();
        account.put("id", id);
        account.put("accountNumber", String.format("A%08d", ++accountSeq));
        account.put("name", in.path("name").asText());
        account.put("currency", in.path("currency").asText());
        account.put("billCycleDay", in.path("billCycleDay").asInt(1));
        account.put("autoPay", in.path("autoPay").asBoolean(false));
        account.put("status", "Active");
        if (in.hasNonNull("crmId")) {
            account.put("crmId", in.path("crmId").asText());
        } else {
            account.putNull("crmId");
        }
        if (in.has("billToContact")) {
            account.set("billTo", in.path("billToContact").deepCopy());
        }
        account.put("createdDate", stamp());
        account.put("updatedDate", account.path("createdDate").asText());
        accounts.put(id, account);
        return account.deepCopy();
    }

    synchronized boolean updateAccount(String key, ObjectNode in) {
        Optional<ObjectNode> found = find("accounts", key);
        if (found.isEmpty()) {
            return false;
        }
        ObjectNode account = accounts.get(found.get().path("id").asText());
        if (in.has("name")) {
            account.put("name", in.path("name").asText());
        }
        if (in.has("crmId")) {
            account.put("crmId", in.path("crmId").asText());
        }
        if (in.has("billToContact")) {
            account.set("billTo", in.path("billToContact").deepCopy());
        }
        account.put("updatedDate", stamp());
        return true;
    }

    // ---------------------------------------------------------------- invoices

    synchronized String postInvoice(String accountId, LocalDate invoiceDate, int termsDays, List<FakeZuora.Line> lines) {
        ObjectNode account = requireAccount(accountId);
        String currency = account.path("currency").asText();
        ObjectNode invoice = json.createObjectNode();
        String id = newId();
        invoice.put("id", id);
        invoice.put("invoiceNumber", String.format("INV%08d", ++invoiceSeq));
        invoice.put("accountId", accountId);
        invoice.put("status", "Posted");
        invoice.put("currency", currency);
        invoice.put("invoiceDate", invoiceDate.toString());
        invoice.put("dueDate", invoiceDate.plusDays(termsDays).toString());
        ArrayNode items = invoice.putArray("invoiceItems");
        long total = 0;
        for (FakeZuora.Line line : lines) {
            ObjectNode item = items.addObject();
            item.put("id", newId());
            item.put("invoiceId", id);
            item.put("chargeName", line.chargeName());
            item.put("productRatePlanChargeId", line.productRatePlanChargeId());
            item.put("sku", line.sku());
            item.put("quantity", BigDecimal.valueOf(line.quantity()));
            item.put("chargeAmount", decimal(line.amountMinor()));
            item.put("serviceStartDate", invoiceDate.toString());
            item.put("serviceEndDate", invoiceDate.plusMonths(1).minusDays(1).toString());
            total += line.amountMinor();
        }
        invoice.put("amount", decimal(total));
        invoice.put("balance", decimal(total));
        invoice.put("updatedDate", stamp());
        invoices.put(id, invoice);
        callouts.add(new FakeZuoraCallout("invoice", id, invoice.path("updatedDate").asText()));
        return id;
    }

    synchronized void cancelInvoice(String id) {
        ObjectNode invoice = require(invoices, id, "invoice");
        invoice.put("status", "Canceled");
        invoice.put("balance", decimal(0));
        invoice.put("updatedDate", stamp());
        callouts.add(new FakeZuoraCallout("invoice", id, invoice.path("updatedDate").asText()));
    }

    // ---------------------------------------------------------------- payments and refunds

    synchronized String processPayment(String accountId, LocalDate effectiveDate, Map<String, Long> appliedMinor) {
        ObjectNode account = requireAccount(accountId);
        ObjectNode payment = json.createObjectNode();
        String id = newId();
        payment.put("id", id);
        payment.put("paymentNumber", String.format("P-%08d", ++paymentSeq));
        payment.put("accountId", accountId);
        payment.put("status", "Processed");
        payment.put("type", "Electronic");
        payment.put("currency", account.path("currency").asText());
        payment.put("effectiveDate", effectiveDate.toString());
        ArrayNode applications = payment.putArray("paymentApplications");
        long total = 0;
        for (Map.Entry<String, Long> applied : appliedMinor.entrySet()) {
            ObjectNode invoice = require(invoices, applied.getKey(), "invoice");
            ObjectNode application = applications.addObject();
            application.put("id", newId());
            application.put("paymentId", id);
            application.put("invoiceId", applied.getKey());
            application.put("appliedAmount", decimal(applied.getValue()));
            long balance = minor(invoice.path("balance").decimalValue()) - applied.getValue();
            invoice.put("balance", decimal(balance));
            invoice.put("updatedDate", stamp());
            total += applied.getValue();
        }
        payment.put("amount", decimal(total));
        payment.put("appliedAmount", decimal(total));
        payment.put("refundAmount", decimal(0));
        payment.put("updatedDate", stamp());
        payments.put(id, payment);
        callouts.add(new FakeZuoraCallout("payment", id, payment.path("updatedDate").asText()));
        return id;
    }

    synchronized void cancelPayment(String id) {
        ObjectNode payment = require(payments, id, "payment");
        payment.put("status", "Canceled");
        for (var application : payment.path("paymentApplications")) {
            ObjectNode invoice = invoices.get(application.path("invoiceId").asText());
            if (invoice != null) {
                long back = minor(application.path("appliedAmount").decimalValue());
                invoice.put("balance", decimal(minor(invoice.path("balance").decimalValue()) + back));
                invoice.put("updatedDate", stamp());
            }
        }
        payment.put("updatedDate", stamp());
        callouts.add(new FakeZuoraCallout("payment", id, payment.path("updatedDate").asText()));
    }

    synchronized String refundPayment(String paymentId, long amountMinor, LocalDate refundDate) {
        ObjectNode payment = require(payments, paymentId, "payment");
        long refunded = minor(payment.path("refundAmount").decimalValue());
        if (refunded + amountMinor > minor(payment.path("amount").decimalValue())) {
            throw new IllegalStateException("A refund cannot exceed what is left of payment " + paymentId);
        }
        ObjectNode refund = json.createObjectNode();
        String id = newId();
        refund.put("id", id);
        refund.put("refundNumber", String.format("R-%08d", ++refundSeq));
        refund.put("accountId", payment.path("accountId").asText());
        refund.put("paymentId", paymentId);
        refund.put("status", "Processed");
        refund.put("type", "Electronic");
        refund.put("currency", payment.path("currency").asText());
        refund.put("refundDate", refundDate.toString());
        refund.put("amount", decimal(amountMinor));
        refund.put("updatedDate", stamp());
        refunds.put(id, refund);
        payment.put("refundAmount", decimal(refunded + amountMinor));
        payment.put("updatedDate", stamp());
        callouts.add(new FakeZuoraCallout("refund", id, refund.path("updatedDate").asText()));
        return id;
    }

    private ObjectNode requireAccount(String accountId) {
        return require(accounts, accountId, "account");
    }

    private static ObjectNode require(Map<String, ObjectNode> table, String id, String what) {
        ObjectNode node = table.get(id);
        if (node == null) {
            throw new IllegalStateException("The fake Zuora has no " + what + " " + id);
        }
        return node;
    }

    static BigDecimal decimal(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }

    static long minor(BigDecimal decimal) {
        return decimal.movePointRight(2).longValueExact();
    }
}
