package io.mlconnector.systems.zuora;

/**
 * Where the bearer token for Zuora's API comes from. The client asks before each request and says
 * when Zuora refused a token, so the source can get a new one.
 */
public interface ZuoraTokens {

    /** A token that was valid a moment ago. */
    String accessToken();

    /** Zuora answered 401 to this token: do not hand it out again. */
    void rejected(String token);
}
