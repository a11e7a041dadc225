package io.mlconnector.api.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook exactly as it arrived: the raw body (signatures are computed over these bytes, so it is
 * never re-encoded), the headers, and the connection's signing secrets (several during a rotation).
 */
public final class WebhookRequest {

    private final String source;
    private final byte[] body;
    private final Map<String, List<String>> headers;
    private final List<String> secrets;

    public WebhookRequest(String source, byte[] body, Map<String, List<String>> headers, List<String> secrets) {
        this.source = source;
        this.body = body.clone();
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        this.headers = caseInsensitive;
        this.secrets = List.copyOf(secrets);
    }

    public String source() {
        return source;
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, matched without regard to case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The secrets to try, current first. Empty when none is stored: reject the webhook. */
    public List<String> secrets() {
        return secrets;
    }
}
