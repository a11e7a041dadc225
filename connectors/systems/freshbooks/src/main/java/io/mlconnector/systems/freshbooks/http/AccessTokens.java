package io.mlconnector.systems.freshbooks.http;

/**
 * Where FreshBooks access tokens come from. The platform keeps the OAuth grant; a connector adapts its
 * context to this, so the library never sees a refresh token.
 */
public interface AccessTokens {

    /** The token to send now. */
    String current();

    /**
     * FreshBooks answered 401 to {@code rejected}: a token renewed through the platform (FreshBooks'
     * refresh tokens are single use, so only the platform may spend one).
     *
     * @throws io.mlconnector.api.CredentialsRejected when no new token can be had: the connection needs reconnecting
     */
    String renewed(String rejected);
}
