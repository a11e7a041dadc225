package io.mlconnector.testkit.qbo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers {@link QboChange}s as QuickBooks Online does: one POST to the app's URL, signed with
 * {@code intuit-signature} = base64(HMAC-SHA256(verifier token, raw body)), in either the legacy
 * {@code eventNotifications} payload (grouped per company) or the CloudEvents array. A delivery may
 * mix companies; tests send repeats and reorderings by passing the changes they want.
 */
public final class QboWebhookSender {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String verifierToken;

    public QboWebhookSender(String verifierToken) {
        this.verifierToken = verifierToken;
    }

    public byte[] legacyBody(List<QboChange> changes) {
        ObjectNode root = json.createObjectNode();
        ArrayNode notifications = root.putArray("eventNotifications");
        Map<String, ArrayNode> perRealm = new LinkedHashMap<>();
        for (QboChange c : changes) {
            ArrayNode entities = perRealm.computeIfAbsent(c.realmId(), realm -> {
                ObjectNode n = notifications.addObject();
                n.put("realmId", realm);
                return n.putObject("dataChangeEvent").putArray("entities");
            });
            ObjectNode e = entities.addObject();
            e.put("name", c.entity());
            e.put("id", c.id());
            e.put("operation", c.operation());
            e.put("lastUpdated", c.at().toString());
        }
        return bytes(root);
    }

    public byte[] cloudEventsBody(List<QboChange> changes) {
        ArrayNode root = json.createArrayNode();
        for (QboChange c : changes) {
            ObjectNode e = root.addObject();
            e.put("specversion", "1.0");
            e.put("id", c.eventId());
            e.put("source", "intuit.fake-quickbooks-online");
            e.put("type", "qbo." + c.entity().toLowerCase(Locale.ROOT) + "." + verb(c.operation()) + ".v1");
            e.put("datacontenttype", "application/json");
            e.put("time", c.at().toString());
            e.put("intuitentityid", c.id());
            e.put("intuitaccountid", c.realmId());
            e.putObject("data");
        }
        return bytes(root);
    }

    public String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(verifierToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs {@code body} signed; returns the receiver's status code. */
    public int send(String url, byte[] body) {
        return send(url, body, signature(body));
    }

    public int send(String url, byte[] body, String signatureHeader) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("intuit-signature", signatureHeader)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String verb(String operation) {
        return switch (operation) {
            case "Create" -> "created";
            case "Update" -> "updated";
            case "Delete" -> "deleted";
            case "Void" -> "voided";
            case "Merge" -> "merged";
            default -> operation.toLowerCase(Locale.ROOT);
        };
    }

    private byte[] bytes(Object root) {
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
