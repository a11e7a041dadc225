package io.mlconnector.systems.gocardless.connector;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessEnvironment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GoCardless clients per (address, token), reused across calls: building one sets up an HTTP stack.
 * The cache is keyed by a hash of the token, never the token itself, and cleared when it grows
 * past a few hundred connections. One instance per plugin, shared by its flows.
 */
public final class GoCardlessClients {

    /** The system's id in a pair's spec, also the name of its base-URL override in tests. */
    public static final String SYSTEM = "gocardless";

    private static final int MAX_CLIENTS = 500;

    private final String tokenKey;
    private final String environmentKey;
    private final Map<String, GoCardlessApi> clients = new ConcurrentHashMap<>();

    /**
     * @param tokenKey       the credential holding the access token
     * @param environmentKey the setting naming the environment ({@code live}, the default, or {@code sandbox})
     */
    public GoCardlessClients(String tokenKey, String environmentKey) {
        this.tokenKey = tokenKey;
        this.environmentKey = environmentKey;
    }

    /** The connection's environment, from its settings. */
    public GoCardlessEnvironment environment(ConnectorContext context) {
        try {
            return GoCardlessEnvironment.parse(context.settings().get(environmentKey, "live"));
        } catch (IllegalArgumentException e) {
            throw new CannotProcess(e.getMessage());
        }
    }

    /** The connection's client: its token, at its environment's address (or the test's override). */
    public GoCardlessApi api(ConnectorContext context) {
        String token = context.credentials().require(tokenKey).trim();
        String baseUrl = context.baseUrlOverride(SYSTEM).orElseGet(() -> environment(context).baseUrl());
        String key = baseUrl + "|" + sha256(token);
        if (clients.size() > MAX_CLIENTS) {
            clients.clear();
        }
        return clients.computeIfAbsent(key, k -> GoCardlessApi.builder(token).baseUrl(baseUrl).build());
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
