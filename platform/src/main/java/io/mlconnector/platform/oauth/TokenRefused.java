package io.mlconnector.platform.oauth;

/**
 * The provider answered a token request with an OAuth error (4xx): {@code invalid_grant} (a code or
 * refresh token that is expired, revoked or already used), {@code invalid_client} (a wrong client id
 * or secret) and the like. Retrying will not help; a person must connect again.
 */
final class TokenRefused extends RuntimeException {

    private final String error;

    TokenRefused(String error) {
        super("The provider refused the request: " + error);
        this.error = error;
    }

    String error() {
        return error;
    }

    boolean clientRejected() {
        return "invalid_client".equals(error) || "unauthorized_client".equals(error);
    }
}
