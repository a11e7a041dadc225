package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.gocardless.GoCardlessApi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GoCardless clients per (address, token), reused across calls: building one sets up an HTTP stack.
 * The cache is keyed by a hash of the token, never the token itself, and cleared when it grows
 * past a few hundred connections.
 */
final class GoCardlessClients {

    private static final int MAX_CLIENTS = 500;

    private final Map<String, GoCardlessApi> clients = new ConcurrentHashMap<>();

    GoCardlessApi api(ConnectorContext context) {
        String token = context.credentials().require(Keys.ACCESS_TOKEN).trim();
        String baseUrl = context.baseUrlOverride("gocardless")
                .orElseGet(() -> ConnectionSettings.of(context).environment().baseUrl());
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
