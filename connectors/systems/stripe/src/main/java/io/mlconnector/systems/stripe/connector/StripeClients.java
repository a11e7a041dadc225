package io.mlconnector.systems.stripe.connector;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.stripe.StripeApi;
import io.mlconnector.systems.stripe.StripeKey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stripe clients per (address, key), reused across calls. The cache is keyed by a hash of the key,
 * never the key itself, and cleared when it grows past a few hundred connections. One instance per
 * plugin, shared by its flows.
 */
public final class StripeClients {

    /** The system's id in a pair's spec, also the name of its base-URL override in tests. */
    public static final String SYSTEM = "stripe";

    private static final int MAX_CLIENTS = 500;

    private final String keyCredential;
    private final Map<String, StripeApi> clients = new ConcurrentHashMap<>();

    /** @param keyCredential the credential holding the secret or restricted API key */
    public StripeClients(String keyCredential) {
        this.keyCredential = keyCredential;
    }

    /** The connection's key, read and checked; a key of the wrong kind cannot be fixed by retrying. */
    public StripeKey key(ConnectorContext context) {
        try {
            return StripeKey.parse(context.credentials().require(keyCredential));
        } catch (IllegalArgumentException e) {
            throw new CannotProcess(e.getMessage());
        }
    }

    public StripeApi api(ConnectorContext context) {
        StripeKey key = key(context);
        String base = context.baseUrlOverride(SYSTEM).orElse("");
        String cacheKey = base + "|" + sha256(context.credentials().require(keyCredential).strip());
        if (clients.size() > MAX_CLIENTS) {
            clients.clear();
        }
        return clients.computeIfAbsent(cacheKey, k -> {
            StripeApi.Builder b = StripeApi.builder(key);
            if (!base.isEmpty()) {
                b.apiBase(base);
            }
            return b.build();
        });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
