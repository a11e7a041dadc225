package io.mlconnector.platform.vault;

/** How a stored secret is shown after saving: never the value, at most its last four characters. */
public final class SecretMask {

    public static final String DOTS = "••••";

    private SecretMask() {
    }

    public static String of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        // Short secrets would be mostly revealed by their last four characters.
        if (secret.length() < 12) {
            return DOTS;
        }
        return DOTS + secret.substring(secret.length() - 4);
    }
}
