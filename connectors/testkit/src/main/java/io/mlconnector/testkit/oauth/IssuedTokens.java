package io.mlconnector.testkit.oauth;

import java.util.Map;

/** One successful token answer: what the fake sends as JSON. */
record IssuedTokens(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn, String scope,
                    Map<String, String> extra) {
}
