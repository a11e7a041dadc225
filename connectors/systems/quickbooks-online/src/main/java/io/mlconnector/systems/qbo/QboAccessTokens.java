package io.mlconnector.systems.qbo;

/**
 * Where the client gets its OAuth 2.0 bearer token for one company. The connector adapts whatever
 * its platform offers (the connection's stored grant); the client only asks for the current token
 * and, once after a 401, for a fresh one.
 */
public interface QboAccessTokens {

    /** The access token to send now. */
    String current();

    /**
     * A new access token after QuickBooks Online refused {@code rejected} (refreshing the grant,
     * which rotates the refresh token). Throws {@link io.mlconnector.api.CredentialsRejected} when
     * the grant itself is no longer accepted.
     */
    String refresh(String rejected);
}
