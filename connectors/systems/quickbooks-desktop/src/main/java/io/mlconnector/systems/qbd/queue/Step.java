package io.mlconnector.systems.qbd.queue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The purpose of a queued QuickBooks request: which step of which flow its answer continues, and
 * the decisions taken so far (customer, amount, invoice…). The platform keeps the purpose with the
 * request and hands it back with the answer, so a flow resumes without keeping anything in memory
 * and without asking the other system again. Encoded like a URL query: {@code payment.add?cust=…&amt=1250}.
 *
 * <p>Immutable: {@link #with}, {@link #next} and {@link #retry} return copies. The key {@code n} is the
 * attempt count; the key {@code ev} is, by convention, the id of the event that started the work.
 */
public final class Step {

    private final String name;
    private final Map<String, String> data;

    private Step(String name, Map<String, String> data) {
        this.name = Objects.requireNonNull(name, "name");
        this.data = Collections.unmodifiableMap(data);
    }

    /** A step with no decisions yet. */
    public static Step of(String name) {
        return new Step(name, new LinkedHashMap<>());
    }

    /** Which step of which flow, e.g. {@code payment.add}. */
    public String name() {
        return name;
    }

    /** The same decisions, continuing at another step, with the attempt count reset. */
    public Step next(String nextName) {
        Map<String, String> copy = new LinkedHashMap<>(data);
        copy.remove("n");
        return new Step(nextName, copy);
    }

    /**
     * A short form of a text for the step: a step travels as a request's purpose, which the platform
     * limits to 200 characters, so free text (QuickBooks' messages) is cut to {@code max}.
     */
    public static String brief(String text, int max) {
        if (text == null) {
            return null;
        }
        // Letters, digits and spaces only: anything else grows when the step is encoded.
        String plain = text.replaceAll("[^A-Za-z0-9 ]", " ").replaceAll(" +", " ").trim();
        return plain.length() <= max ? plain : plain.substring(0, max).trim();
    }

    /** A copy with {@code key} set (or removed, for null). */
    public Step with(String key, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(data);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value.toString());
        }
        return new Step(name, copy);
    }

    /** The decision under {@code key}, or null. */
    public String get(String key) {
        return data.get(key);
    }

    /** The decision under {@code key}, if taken. */
    public Optional<String> optional(String key) {
        return Optional.ofNullable(data.get(key));
    }

    /** The decision under {@code key}; a step without it is a programming error. */
    public String require(String key) {
        String value = data.get(key);
        if (value == null) {
            throw new IllegalStateException("Step " + name + " lacks " + key);
        }
        return value;
    }

    /** The decision under {@code key} as a whole number. */
    public long number(String key) {
        return Long.parseLong(require(key));
    }

    /** How many times this step was already tried (0 the first time). */
    public int attempt() {
        return data.containsKey("n") ? Integer.parseInt(data.get("n")) : 0;
    }

    /** The same step once more, counting the attempt. */
    public Step retry() {
        return with("n", attempt() + 1);
    }

    /** The purpose text the platform keeps with the request (at most 200 characters). */
    public String encode() {
        if (data.isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name).append('?');
        boolean first = true;
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (!first) {
                out.append('&');
            }
            first = false;
            out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** The step a purpose text encodes. */
    public static Step decode(String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        int q = purpose.indexOf('?');
        if (q < 0) {
            return of(purpose);
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (String pair : purpose.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            data.put(key, value);
        }
        return new Step(purpose.substring(0, q), data);
    }

    @Override
    public String toString() {
        return encode();
    }
}
