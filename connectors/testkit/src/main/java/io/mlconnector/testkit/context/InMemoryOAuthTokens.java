package io.mlconnector.testkit.context;

import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.oauth.AccessToken;
import io.mlconnector.api.oauth.OAuthTokens;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The connection's OAuth tokens as a test sets them: the token {@link #current} answers, what
 * {@link #renewed} answers after a 401, and a refusal that stands for {@code invalid_grant}. Pair it
 * with a {@link io.mlconnector.testkit.oauth.FakeOAuthServer} whose {@code issueTokens} mints tokens
 * the API fakes accept.
 */
public final class InMemoryOAuthTokens implements OAuthTokens {

    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, Supplier<AccessToken>> renewals = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Map<String, Integer> renewCounts = new ConcurrentHashMap<>();

    /** The token {@code current(token.system())} answers from now on. */
    public void put(AccessToken token) {
        tokens.put(token.system(), token);
    }

    /** What {@code renewed(system, …)} answers (and then keeps as current). */
    public void renewWith(String system, Supplier<AccessToken> next) {
        renewals.put(system, next);
    }

    /** Every later call for the system throws CredentialsRejected, as after {@code invalid_grant}. */
    public void refuse(String system, String reason) {
        refusals.put(system, reason);
    }

    public void reconnect(AccessToken token) {
        refusals.remove(token.system());
        put(token);
    }

    /** How many times the connector asked for a renewed token. */
    public int renewals(String system) {
        return renewCounts.getOrDefault(system, 0);
    }

    @Override
    public AccessToken current(String system) {
        refuseIfRefused(system);
        AccessToken token = tokens.get(system);
        if (token == null) {
            throw new CredentialsRejected(system, "This system is not connected yet");
        }
        return token;
    }

    @Override
    public AccessToken renewed(String system, AccessToken rejected) {
        refuseIfRefused(system);
        renewCounts.merge(system, 1, Integer::sum);
        AccessToken stored = tokens.get(system);
        if (stored != null && !stored.value().equals(rejected.value())) {
            return stored;
        }
        Supplier<AccessToken> next = renewals.get(system);
        if (next == null) {
            throw new CredentialsRejected(system, "The authorisation was refused; connect again");
        }
        AccessToken fresh = next.get();
        tokens.put(system, fresh);
        return fresh;
    }

    private void refuseIfRefused(String system) {
        String reason = refusals.get(system);
        if (reason != null) {
            throw new CredentialsRejected(system, reason);
        }
    }
}
