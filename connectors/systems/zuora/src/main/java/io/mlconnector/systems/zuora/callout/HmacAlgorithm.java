package io.mlconnector.systems.zuora.callout;

import java.util.Arrays;
import java.util.List;

/** The HMAC algorithms a callout may be signed with, by the names Zuora's HMAC form uses. */
public enum HmacAlgorithm {
    SHA_256("SHA-256", "HmacSHA256"),
    SHA_512("SHA-512", "HmacSHA512"),
    SHA_1("SHA-1", "HmacSHA1");

    private final String label;
    private final String jca;

    HmacAlgorithm(String label, String jca) {
        this.label = label;
        this.jca = jca;
    }

    public String label() {
        return label;
    }

    String jca() {
        return jca;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(HmacAlgorithm::label).toList();
    }

    public static HmacAlgorithm byLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equalsIgnoreCase(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown HMAC algorithm: " + label));
    }
}
