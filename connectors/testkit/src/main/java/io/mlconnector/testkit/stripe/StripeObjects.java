package io.mlconnector.testkit.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happens inside Stripe when money moves: a succeeded payment makes a payment intent, its
 * charge and a balance transaction with the fee; refunds and disputes take money back; a payout
 * sweeps the available balance transactions. Each change records the events Stripe would send.
 */
final class StripeObjects {

    /** Stripe's dispute fee in the account currency's minor units (15.00). */
    static final long DISPUTE_FEE = 1500;

    private final StripeStore store;

    StripeObjects(StripeStore store) {
        this.store = store;
    }

    // ------------------------------------------------------------------ customers

    synchronized ObjectNode createCustomer(JsonNode params) {
        ObjectNode c = store.create("customer");
        c.putNull("address");
        c.put("balance", 0);
        c.putNull("currency");
        c.putNull("description");
        c.putNull("email");
        c.putObject("metadata");
        c.putNull("name");
        c.putNull("phone");
        applyCustomer(c, params);
        store.event("customer.created", c, null);
        return c;
    }

    synchronized ObjectNode updateCustomer(String id, JsonNode params) {
        ObjectNode c = store.get("customer", id);
        applyCustomer(c, params);
        store.event("customer.updated", c, null);
        return c;
    }

    private void applyCustomer(ObjectNode c, JsonNode params) {
        for (String field : List.of("name", "email", "phone", "description")) {
            if (params.has(field)) {
                c.put(field, blankToNull(params.get(field).asText()));
            }
        }
        if (params.has("address")) {
            ObjectNode address = c.putObject("address");
            for (String f : List.of("city", "country", "line1", "line2", "postal_code", "state")) {
                JsonNode v = params.get("address").get(f);
                if (v == null) {
                    address.putNull(f);
                } else {
                    address.put(f, v.asText());
                }
            }
        }
        mergeMetadata(c, params);
    }

    private static void mergeMetadata(ObjectNode target, JsonNode params) {
        JsonNode metadata = params.get("metadata");
        if (metadata == null) {
            return;
        }
        ObjectNode into = target.has("metadata") && target.get("metadata").isObject()
                ? (ObjectNode) target.get("metadata") : target.putObject("metadata");
        metadata.fields().forEachRemaining(e -> {
            if (e.getValue().asText().isEmpty()) {
                into.remove(e.getKey()); // Stripe unsets a key given an empty value
            } else {
                into.put(e.getKey(), e.getValue().asText());
            }
        });
    }

    // ------------------------------------------------------------------ payments

    /** A card payment that succeeded: payment intent, charge, balance transaction, two events. */
    synchronized ObjectNode succeedPayment(String customerId, long amount, String currency, long fee,
                                           Map<String, String> metadata, String description) {
        String cur = currency.toLowerCase(Locale.ROOT);
        ObjectNode pi = store.create("payment_intent");
        ObjectNode ch = store.create("charge");
        ObjectNode txn = balanceTransaction("charge", amount, fee, cur, ch.get("id").asText(), "charge",
                "Payment " + ch.get("id").asText());
        pi.put("amount", amount);
        pi.put("amount_received", amount);
        pi.put("currency", cur);
        putNullable(pi, "customer", customerId);
        putNullable(pi, "description", description);
        pi.put("latest_charge", ch.get("id").asText());
        pi.set("metadata", store.json.valueToTree(metadata));
        pi.putArray("payment_method_types").add("card");
        pi.put("status", "succeeded");

        ch.put("amount", amount);
        ch.put("amount_captured", amount);
        ch.put("amount_refunded", 0);
        ch.put("balance_transaction", txn.get("id").asText());
        ch.put("captured", true);
        ch.put("currency", cur);
        putNullable(ch, "customer", customerId);
        putNullable(ch, "description", description);
        ch.put("disputed", false);
        ch.set("metadata", store.json.valueToTree(metadata));
        ch.put("paid", true);
        ch.put("payment_intent", pi.get("id").asText());
        ch.put("refunded", false);
        ch.put("status", "succeeded");

        store.event("charge.succeeded", ch, null);
        store.event("payment_intent.succeeded", pi, null);
        return pi;
    }

    synchronized ObjectNode refund(String chargeId, long amount) {
        ObjectNode ch = store.get("charge", chargeId);
        long refunded = ch.get("amount_refunded").asLong();
        long left = ch.get("amount").asLong() - refunded;
        if (amount < 1 || amount > left) {
            throw StripeApiError.invalid("Refund amount (" + amount + ") is greater than unrefunded amount on charge ("
                    + left + ")", "amount");
        }
        String cur = ch.get("currency").asText();
        ObjectNode re = store.create("refund");
        ObjectNode txn = balanceTransaction("refund", -amount, 0, cur, re.get("id").asText(), "refund",
                "REFUND FOR CHARGE (" + chargeId + ")");
        re.put("amount", amount);
        re.put("balance_transaction", txn.get("id").asText());
        re.put("charge", chargeId);
        re.put("currency", cur);
        re.putObject("metadata");
        re.put("payment_intent", ch.get("payment_intent").asText());
        re.put("reason", "requested_by_customer");
        re.put("status", "succeeded");
        ObjectNode previous = store.json.createObjectNode();
        previous.put("amount_refunded", refunded);
        ch.put("amount_refunded", refunded + amount);
        ch.put("refunded", refunded + amount == ch.get("amount").asLong());
        store.event("refund.created", re, null);
        store.event("charge.refunded", ch, previous);
        return re;
    }

    synchronized ObjectNode dispute(String chargeId, String reason) {
        ObjectNode ch = store.get("charge", chargeId);
        long amount = ch.get("amount").asLong() - ch.get("amount_refunded").asLong();
        String cur = ch.get("currency").asText();
        ObjectNode dp = store.create("dispute");
        ObjectNode txn = balanceTransaction("adjustment", -amount, DISPUTE_FEE, cur, dp.get("id").asText(), "dispute",
                "Chargeback withdrawal for " + chargeId);
        dp.put("amount", amount);
        dp.putArray("balance_transactions").add(txn.deepCopy());
        dp.put("charge", chargeId);
        dp.put("currency", cur);
        dp.putObject("metadata");
        dp.put("payment_intent", ch.get("payment_intent").asText());
        dp.put("reason", reason);
        dp.put("status", "needs_response");
        ch.put("disputed", true);
        store.event("charge.dispute.created", dp, null);
        return dp;
    }

    synchronized ObjectNode closeDispute(String disputeId, boolean won) {
        ObjectNode dp = store.get("dispute", disputeId);
        ObjectNode previous = store.json.createObjectNode();
        previous.put("status", dp.get("status").asText());
        dp.put("status", won ? "won" : "lost");
        if (won) {
            long amount = dp.get("amount").asLong();
            ObjectNode txn = balanceTransaction("adjustment", amount, -DISPUTE_FEE, dp.get("currency").asText(),
                    disputeId, "dispute_reversal", "Chargeback reversal for " + dp.get("charge").asText());
            ((ArrayNode) dp.get("balance_transactions")).add(txn.deepCopy());
        }
        store.event("charge.dispute.closed", dp, previous);
        return dp;
    }

    // ------------------------------------------------------------------ payouts

    /** An automatic payout of every available balance transaction in the currency not yet paid out. */
    synchronized ObjectNode payout(String currency) {
        String cur = currency.toLowerCase(Locale.ROOT);
        List<ObjectNode> open = store.all("balance_transaction", t -> cur.equals(t.get("currency").asText())
                && !t.has("_payout") && !"payout".equals(t.get("type").asText()));
        long net = open.stream().mapToLong(t -> t.get("net").asLong()).sum();
        if (net <= 0) {
            throw new IllegalStateException("Nothing to pay out in " + cur + " (balance " + net + ")");
        }
        ObjectNode po = store.create("payout");
        ObjectNode own = balanceTransaction("payout", -net, 0, cur, po.get("id").asText(), "payout", "STRIPE PAYOUT");
        po.put("amount", net);
        po.put("arrival_date", store.now() + 86_400);
        po.put("automatic", true);
        po.put("balance_transaction", own.get("id").asText());
        po.put("currency", cur);
        po.putObject("metadata");
        po.put("method", "standard");
        po.put("status", "in_transit");
        po.put("type", "bank_account");
        for (ObjectNode t : open) {
            t.put("_payout", po.get("id").asText());
        }
        own.put("_payout", po.get("id").asText());
        store.event("payout.created", po, null);
        return po;
    }

    synchronized ObjectNode payoutPaid(String payoutId) {
        ObjectNode po = store.get("payout", payoutId);
        ObjectNode previous = store.json.createObjectNode();
        previous.put("status", po.get("status").asText());
        po.put("status", "paid");
        store.event("payout.paid", po, previous);
        return po;
    }

    // ------------------------------------------------------------------ invoices

    synchronized ObjectNode createInvoice(JsonNode params) {
        String customer = required(params, "customer");
        store.get("customer", customer);
        ObjectNode in = store.create("invoice");
        in.put("amount_due", 0);
        in.put("amount_paid", 0);
        in.put("amount_remaining", 0);
        in.put("collection_method", params.path("collection_method").asText("charge_automatically"));
        in.put("currency", params.path("currency").asText("usd").toLowerCase(Locale.ROOT));
        in.put("customer", customer);
        putNullable(in, "description", params.path("description").asText(null));
        in.putObject("metadata");
        in.putNull("number");
        in.put("status", "draft");
        in.put("total", 0);
        if (params.has("days_until_due")) {
            in.put("due_date", store.now() + 86_400L * params.get("days_until_due").asLong());
        }
        mergeMetadata(in, params);
        store.event("invoice.created", in, null);
        return in;
    }

    synchronized ObjectNode createInvoiceItem(JsonNode params) {
        String customer = required(params, "customer");
        ObjectNode ii = store.create("invoiceitem");
        long amount = Long.parseLong(required(params, "amount"));
        ii.put("amount", amount);
        ii.put("currency", required(params, "currency").toLowerCase(Locale.ROOT));
        ii.put("customer", customer);
        putNullable(ii, "description", params.path("description").asText(null));
        String invoice = params.path("invoice").asText(null);
        putNullable(ii, "invoice", invoice);
        if (invoice != null) {
            ObjectNode in = store.get("invoice", invoice);
            if (!"draft".equals(in.get("status").asText())) {
                throw StripeApiError.invalid("You can only add invoice items to draft invoices.", "invoice");
            }
            long total = in.get("total").asLong() + amount;
            in.put("total", total);
            in.put("amount_due", total);
            in.put("amount_remaining", total);
        }
        return ii;
    }

    synchronized ObjectNode finalizeInvoice(String id) {
        ObjectNode in = store.get("invoice", id);
        if (!"draft".equals(in.get("status").asText())) {
            throw StripeApiError.invalid("This invoice is already finalized, you can't re-finalize a non-draft invoice.",
                    null);
        }
        in.put("status", "open");
        in.put("number", "FAKE-" + String.format("%04d", store.all("invoice", n -> n.hasNonNull("number")).size() + 1));
        store.event("invoice.finalized", in, null);
        return in;
    }

    synchronized ObjectNode sendInvoice(String id) {
        ObjectNode in = store.get("invoice", id);
        if ("draft".equals(in.get("status").asText())) {
            finalizeInvoice(id);
        }
        store.event("invoice.sent", in, null);
        return in;
    }

    /** The customer pays an open invoice: a payment, its invoice payment, the invoice paid. */
    synchronized ObjectNode payInvoice(String invoiceId, long fee) {
        ObjectNode in = store.get("invoice", invoiceId);
        if (!"open".equals(in.get("status").asText())) {
            throw new IllegalStateException("invoice " + invoiceId + " is " + in.get("status").asText());
        }
        long amount = in.get("amount_remaining").asLong();
        ObjectNode pi = succeedPayment(in.get("customer").asText(), amount, in.get("currency").asText(), fee,
                Map.of(), "Payment for Invoice");
        ObjectNode ip = store.create("invoice_payment");
        ip.put("amount_paid", amount);
        ip.put("currency", in.get("currency").asText());
        ip.put("invoice", invoiceId);
        ip.put("is_default", true);
        ObjectNode payment = ip.putObject("payment");
        payment.put("type", "payment_intent");
        payment.put("payment_intent", pi.get("id").asText());
        ip.put("status", "paid");
        in.put("amount_paid", amount);
        in.put("amount_remaining", 0);
        in.put("status", "paid");
        store.event("invoice.paid", in, null);
        return pi;
    }

    // ------------------------------------------------------------------ helpers

    private ObjectNode balanceTransaction(String type, long amount, long fee, String currency, String source,
                                          String category, String description) {
        ObjectNode t = store.create("balance_transaction");
        t.put("amount", amount);
        t.put("available_on", t.get("created").asLong());
        t.put("currency", currency);
        t.put("description", description);
        t.put("fee", fee);
        ArrayNode details = t.putArray("fee_details");
        if (fee != 0) {
            ObjectNode d = details.addObject();
            d.put("amount", fee);
            d.putNull("application");
            d.put("currency", currency);
            d.put("description", "Stripe processing fees");
            d.put("type", "stripe_fee");
        }
        t.put("net", amount - fee);
        t.put("reporting_category", category);
        t.put("source", source);
        t.put("status", "available");
        t.put("type", type);
        return t;
    }

    private static String required(JsonNode params, String name) {
        JsonNode v = params.get(name);
        if (v == null || v.asText().isEmpty()) {
            throw StripeApiError.missing(name);
        }
        return v.asText();
    }

    private static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
