package io.mlconnector.testkit.oauth;

/** An RFC 6749 §5.2 error answer of the token endpoint: status, {@code error} and description. */
final class OAuthError extends RuntimeException {

    final int status;
    final String error;

    OAuthError(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    static OAuthError invalidClient() {
        return new OAuthError(401, "invalid_client", "Client authentication failed");
    }
}
