package io.mlconnector.api.oauth;

/** How a connection obtains its tokens. */
public enum OAuthGrantType {

    /**
     * A person clicks "Connect to …", signs in at the provider and consents; the provider redirects
     * back with a code the platform exchanges for an access token and a refresh token.
     */
    AUTHORIZATION_CODE,

    /**
     * The tenant pastes a client id and secret; the platform exchanges them for short-lived access
     * tokens whenever it needs one. There is no refresh token and no person in the loop.
     */
    CLIENT_CREDENTIALS
}
