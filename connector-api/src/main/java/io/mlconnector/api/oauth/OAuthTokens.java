package io.mlconnector.api.oauth;

/**
 * Access tokens of a connection's OAuth systems. The platform keeps them current: it refreshes ahead
 * of expiry, once per connection however many instances ask at the same moment, and stores a rotated
 * refresh token before handing out the access token that came with it. A connector never sees a
 * refresh token or a client secret.
 *
 * <pre>{@code
 * AccessToken token = context.oauth().current("quickbooks-online");
 * HttpResponse<String> r = send(token);
 * if (r.statusCode() == 401) {
 *     token = context.oauth().renewed("quickbooks-online", token);  // once
 *     r = send(token);
 *     if (r.statusCode() == 401) throw new CredentialsRejected("quickbooks-online", "QuickBooks Online refused the connection");
 * }
 * }</pre>
 *
 * Both methods throw {@link io.mlconnector.api.CredentialsRejected} when the system is not connected
 * or the provider refused the grant ({@code invalid_grant}: revoked, expired, reused): the connection
 * then shows "needs reconnect" and the work waits until a person connects again. They throw
 * {@link io.mlconnector.api.RetryLater} when the provider cannot be reached or answers 5xx.
 */
public interface OAuthTokens {

    /** A token valid for at least one more minute. */
    AccessToken current(String system);

    /**
     * After the system answered 401 to {@code rejected}: a newer token. If another call already
     * replaced {@code rejected}, that newer token; otherwise the platform refreshes now. Ask once per
     * call; a second 401 means the system refuses the connection.
     */
    AccessToken renewed(String system, AccessToken rejected);
}
