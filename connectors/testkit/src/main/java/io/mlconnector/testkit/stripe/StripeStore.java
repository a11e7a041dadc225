package io.mlconnector.testkit.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fake's objects as Stripe's JSON, by id, in creation order, with Stripe's list page shape and
 * {@code expand}. Every event the changes would cause is kept, in order, for the webhook sender.
 */
final class StripeStore {

    static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("customer", "cus_"), Map.entry("payment_intent", "pi_"), Map.entry("charge", "ch_"),
            Map.entry("refund", "re_"), Map.entry("dispute", "dp_"), Map.entry("invoice", "in_"),
            Map.entry("invoiceitem", "ii_"), Map.entry("invoice_payment", "inpay_"), Map.entry("payout", "po_"),
            Map.entry("balance_transaction", "txn_"), Map.entry("event", "evt_"));

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ObjectNode> byId = new HashMap<>();
    private final Map<String, List<String>> idsByType = new LinkedHashMap<>();
    private final List<ObjectNode> events = new ArrayList<>();
    private int eventsTaken;
    private long seconds;
    boolean livemode;

    StripeStore(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    synchronized long now() {
        // Strictly increasing, so "newest first" is well defined even within one second.
        seconds = Math.max(seconds + 1, clock.instant().getEpochSecond());
        return seconds;
    }

    synchronized ObjectNode create(String type) {
        String id = PREFIXES.get(type) + randomId();
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("object", type);
        node.put("created", now());
        node.put("livemode", livemode);
        byId.put(id, node);
        idsByType.computeIfAbsent(type, t -> new ArrayList<>()).add(id);
        return node;
    }

    synchronized ObjectNode get(String id) {
        ObjectNode node = byId.get(id);
        if (node == null) {
            throw StripeApiError.notFound(id);
        }
        return node;
    }

    synchronized ObjectNode get(String type, String id) {
        ObjectNode node = get(id);
        if (!type.equals(node.path("object").asText())) {
            throw StripeApiError.notFound(id);
        }
        return node;
    }

    synchronized List<ObjectNode> all(String type, Predicate<ObjectNode> filter) {
        List<ObjectNode> out = new ArrayList<>();
        for (String id : idsByType.getOrDefault(type, List.of())) {
            ObjectNode node = byId.get(id);
            if (filter.test(node)) {
                out.add(node);
            }
        }
        return out;
    }

    /**
     * One page of a list, newest first: {@code limit} 1–100 (default 10) and {@code starting_after}
     * or {@code ending_before}, which must not both be given.
     */
    synchronized ObjectNode page(String url, List<ObjectNode> oldestFirst, JsonNode params) {
        int limit = 10;
        if (params.hasNonNull("limit")) {
            try {
                limit = Integer.parseInt(params.get("limit").asText());
            } catch (NumberFormatException e) {
                throw StripeApiError.invalid("Invalid integer: " + params.get("limit").asText(), "limit");
            }
            if (limit < 1 || limit > 100) {
                throw StripeApiError.invalid("This value must be between 1 and 100 (it currently is " + limit + ").",
                        "limit");
            }
        }
        List<ObjectNode> newestFirst = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(newestFirst);
        String after = params.path("starting_after").asText(null);
        String before = params.path("ending_before").asText(null);
        if (after != null && before != null) {
            throw StripeApiError.invalid("You may only specify one of these parameters: ending_before, starting_after.",
                    "starting_after");
        }
        int from = 0;
        int to = newestFirst.size();
        if (after != null) {
            from = indexOf(newestFirst, after) + 1;
            to = Math.min(newestFirst.size(), from + limit);
        } else if (before != null) {
            to = indexOf(newestFirst, before);
            from = Math.max(0, to - limit);
        } else {
            to = Math.min(newestFirst.size(), limit);
        }
        ObjectNode page = json.createObjectNode();
        page.put("object", "list");
        ArrayNode data = page.putArray("data");
        newestFirst.subList(from, to).forEach(n -> data.add(n.deepCopy()));
        page.put("has_more", before != null ? from > 0 : to < newestFirst.size());
        page.put("url", url);
        return page;
    }

    private int indexOf(List<ObjectNode> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (id.equals(list.get(i).path("id").asText())) {
                return i;
            }
        }
        throw StripeApiError.invalid("No such object: '" + id + "'", "starting_after");
    }

    /** Replaces ids by the objects they name along each dotted path ({@code data.source}, {@code latest_charge}). */
    synchronized void expand(ObjectNode node, List<String> paths) {
        for (String path : paths) {
            expandPath(node, path.split("\\."), 0);
        }
    }

    private void expandPath(JsonNode node, String[] parts, int at) {
        if (node instanceof ArrayNode array) {
            array.forEach(n -> expandPath(n, parts, at));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String field = parts[at];
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isTextual() && byId.containsKey(value.asText())) {
            value = byId.get(value.asText()).deepCopy();
            object.set(field, value);
        }
        if (at + 1 < parts.length) {
            expandPath(value, parts, at + 1);
        }
    }

    /** Notes the event Stripe would send, with a snapshot of the object as it is now. */
    synchronized ObjectNode event(String type, ObjectNode object, ObjectNode previousAttributes) {
        ObjectNode event = create("event");
        event.put("api_version", FakeStripe.API_VERSION);
        ObjectNode data = event.putObject("data");
        data.set("object", object.deepCopy());
        if (previousAttributes != null) {
            data.set("previous_attributes", previousAttributes);
        }
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        event.put("type", type);
        events.add(event);
        return event;
    }

    synchronized List<ObjectNode> takeNewEvents() {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = eventsTaken; i < events.size(); i++) {
            out.add(events.get(i).deepCopy());
        }
        eventsTaken = events.size();
        return out;
    }

    synchronized List<ObjectNode> allEvents() {
        return events.stream().map(ObjectNode::deepCopy).toList();
    }

    private String randomId() {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
