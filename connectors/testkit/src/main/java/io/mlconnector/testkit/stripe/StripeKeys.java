package io.mlconnector.testkit.stripe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's API keys: a test and a live secret key, and restricted keys that may only do what
 * their permissions allow. Stripe takes a key as a bearer token or as the basic-auth user name.
 */
final class StripeKeys {

    static final String ACCOUNT_ID = "acct_1FakeStripeAccount";
    static final String ACCOUNT_NAME = "Fake Stripe Ltd";

    /** Which permission a restricted key needs per resource and access ("read" or "write"). */
    private static final Map<String, String> PERMISSION_OF = Map.ofEntries(
            Map.entry("account", "rak_accounts_kyc_basic_read"), Map.entry("customers", "rak_customer"),
            Map.entry("payment_intents", "rak_payment_intent"), Map.entry("charges", "rak_charge"),
            Map.entry("refunds", "rak_refund"), Map.entry("disputes", "rak_dispute"),
            Map.entry("invoices", "rak_invoice"), Map.entry("invoiceitems", "rak_invoice"),
            Map.entry("invoice_payments", "rak_invoice"), Map.entry("payouts", "rak_payout"),
            Map.entry("balance_transactions", "rak_balance_transaction_source"), Map.entry("events", "rak_event"));

    record Key(String value, boolean live, Set<String> permissions) {
        boolean restricted() {
            return value.startsWith("rk_");
        }

        String mode() {
            return live ? "live" : "test";
        }

        /** As Stripe shows a key in an error: the prefix and the last four characters. */
        String shown() {
            int prefix = value.indexOf('_', 3) + 1;
            return value.substring(0, prefix) + "*".repeat(Math.max(0, value.length() - prefix - 4))
                    + value.substring(value.length() - 4);
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    final String testSecret;
    final String liveSecret;

    StripeKeys() {
        testSecret = add("sk_test_", false, null);
        liveSecret = add("sk_live_", true, null);
    }

    /** A restricted key allowed e.g. {@code rak_charge_read}, {@code rak_customer_write}. */
    String restricted(boolean live, Set<String> permissions) {
        return add(live ? "rk_live_" : "rk_test_", live, Set.copyOf(permissions));
    }

    void revoke(String key) {
        keys.remove(key);
    }

    private String add(String prefix, boolean live, Set<String> permissions) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String value = prefix + "Fake" + HexFormat.of().formatHex(bytes);
        keys.put(value, new Key(value, live, permissions));
        return value;
    }

    Key authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new StripeApiError(401, "invalid_request_error", null,
                    "You did not provide an API key. You need to provide your API key in the Authorization header, "
                            + "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').", null);
        }
        String value;
        if (authorization.startsWith("Bearer ")) {
            value = authorization.substring(7).trim();
        } else if (authorization.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            value = decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
        } else {
            value = authorization.trim();
        }
        Key key = keys.get(value);
        if (key == null) {
            String shown = value.length() > 8 ? value.substring(0, 8) + "*".repeat(value.length() - 12)
                    + value.substring(value.length() - 4) : "****";
            throw StripeApiError.unauthenticated(shown);
        }
        return key;
    }

    void authorize(Key key, String resource, String access) {
        if (!key.restricted()) {
            return;
        }
        String base = PERMISSION_OF.get(resource);
        if (base == null) {
            return;
        }
        String needed = base.endsWith("_read") ? base : base + "_" + access;
        // A write permission includes reading, as in the dashboard's "Write" level.
        boolean allowed = key.permissions().contains(needed)
                || ("read".equals(access) && key.permissions().contains(base + "_write"));
        if (!allowed) {
            throw StripeApiError.noPermission(key.shown(), ACCOUNT_ID, needed);
        }
    }

    ObjectNode account(boolean livemode) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.put("id", ACCOUNT_ID);
        a.put("object", "account");
        ObjectNode profile = a.putObject("business_profile");
        profile.put("name", ACCOUNT_NAME);
        a.put("charges_enabled", true);
        a.put("country", "US");
        a.put("default_currency", "usd");
        a.put("email", "owner@fake-stripe.example");
        a.put("payouts_enabled", true);
        ObjectNode settings = a.putObject("settings").putObject("dashboard");
        settings.put("display_name", ACCOUNT_NAME);
        return a;
    }
}
