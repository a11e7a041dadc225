package io.mlconnector.systems.stripe;

/**
 * A Stripe call that failed, with a message saying what was being done and what Stripe said, never
 * the key. {@link #failure()} tells whether trying again can help.
 */
public final class StripeCallException extends RuntimeException {

    /** Kinds of failure, by what a caller should do about them. */
    public enum Failure {
        /** 429: too many requests; slow down and try again. */
        RATE_LIMITED(true),
        /** Stripe could not be reached or failed (5xx); try again. */
        UNAVAILABLE(true),
        /** 401: the key is wrong, rolled or revoked. */
        KEY_REJECTED(false),
        /** 403: a restricted key lacks a permission ({@link #permission()}). */
        PERMISSION_MISSING(false),
        /** 404: no such object. */
        NOT_FOUND(false),
        /** 400 and the like: Stripe refused the request as made. */
        REFUSED(false);

        private final boolean retryable;

        Failure(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Failure failure;
    private final Integer status;
    private final StripePermission permission;

    StripeCallException(String message, Failure failure, Integer status, StripePermission permission,
                        Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.status = status;
        this.permission = permission;
    }

    public Failure failure() {
        return failure;
    }

    /** The HTTP status, or null when no answer came. */
    public Integer status() {
        return status;
    }

    /** For {@link Failure#PERMISSION_MISSING}: the permission the call needed. */
    public StripePermission permission() {
        return permission;
    }
}
