package io.mlconnector.systems.stripe;

import java.util.Objects;

/**
 * A Stripe secret ({@code sk_}) or restricted ({@code rk_}) API key and what its prefix says: test or
 * live mode, full or restricted access. Publishable keys ({@code pk_}) are refused in plain words:
 * they cannot read payments. {@link #toString()} never shows the key.
 */
public final class StripeKey {

    private final String value;
    private final StripeMode mode;
    private final boolean restricted;

    private StripeKey(String value, StripeMode mode, boolean restricted) {
        this.value = value;
        this.mode = mode;
        this.restricted = restricted;
    }

    /** @throws IllegalArgumentException with a reason for a person, never containing the key */
    public static StripeKey parse(String key) {
        String k = Objects.requireNonNull(key, "key").strip();
        if (k.startsWith("pk_")) {
            throw new IllegalArgumentException("That is a publishable key (pk_…), which cannot read payments; "
                    + "paste the secret key (sk_…) or a restricted key (rk_…)");
        }
        if (k.startsWith("whsec_")) {
            throw new IllegalArgumentException("That is a webhook signing secret (whsec_…); the API key starts with "
                    + "sk_ or rk_");
        }
        boolean restricted = k.startsWith("rk_");
        if (!restricted && !k.startsWith("sk_")) {
            throw new IllegalArgumentException("A Stripe API key starts with sk_ (secret) or rk_ (restricted)");
        }
        String rest = k.substring(3);
        StripeMode mode;
        if (rest.startsWith("test_")) {
            mode = StripeMode.TEST;
        } else if (rest.startsWith("live_")) {
            mode = StripeMode.LIVE;
        } else {
            throw new IllegalArgumentException("A Stripe API key says test_ or live_ after its prefix");
        }
        if (rest.length() <= 5) {
            throw new IllegalArgumentException("The Stripe API key is incomplete");
        }
        return new StripeKey(k, mode, restricted);
    }

    /** Whether a stored value is a key that {@link #parse} accepts. */
    public static boolean looksValid(String key) {
        try {
            parse(key);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public StripeMode mode() {
        return mode;
    }

    public boolean restricted() {
        return restricted;
    }

    /** The key itself, for the client only. */
    String secret() {
        return value;
    }

    @Override
    public String toString() {
        return (restricted ? "restricted" : "secret") + " key (" + mode.words() + ")";
    }
}
