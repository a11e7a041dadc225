package io.mlconnector.platform.oauth;

import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.vault.CredentialVault;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code state} of each authorize redirect: 256 random bits, bound to the tenant, the connection,
 * the person and the system, valid for a few minutes and usable once. Only its SHA-256 is stored; the
 * PKCE verifier that goes with it is sealed with the vault's keys.
 */
@Singleton
class OAuthStates {

    /** A state just issued: the value for the authorize URL and the verifier to send with the code. */
    record Issued(String state, String verifier) {
        @Override
        public String toString() {
            return "Issued[…]";
        }
    }

    /** What a state returned on the callback turned out to be. */
    sealed interface Outcome permits Valid, Refused {
    }

    record Valid(UUID tenantId, UUID connectionId, String system, String verifier) implements Outcome {
        @Override
        public String toString() {
            return "Valid[connection=" + connectionId + ", system=" + system + "]";
        }
    }

    /** @param connectionId the connection the state was for, when it is the person's own tenant's; else null */
    record Refused(Reason reason, UUID connectionId) implements Outcome {
    }

    enum Reason { UNKNOWN, USED, EXPIRED, OTHER_TENANT }

    private static final String VERIFIER_PURPOSE = "oauth-pkce-verifier";

    private final SecureRandom random = new SecureRandom();
    private final Sql sql;
    private final TenantTransactions transactions;
    private final CredentialVault vault;
    private final OAuthSettings settings;
    private final Clock clock;

    OAuthStates(Sql sql, TenantTransactions transactions, CredentialVault vault, OAuthSettings settings, Clock clock) {
        this.sql = sql;
        this.transactions = transactions;
        this.vault = vault;
        this.settings = settings;
        this.clock = clock;
    }

    Issued issue(UUID tenantId, UUID connectionId, UUID personId, String system, boolean pkce) {
        String state = randomToken(32);
        String verifier = pkce ? randomToken(48) : null;
        byte[] sealed = verifier == null ? null : vault.seal(tenantId, connectionId, VERIFIER_PURPOSE, verifier);
        Instant now = clock.instant();
        transactions.write(tenantId, () -> sql.update(
                "INSERT INTO oauth_states (state_hash, tenant_id, connection_id, user_id, system, sealed_verifier, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                hash(state), tenantId, connectionId, personId, system, sealed, Timestamp.from(now),
                Timestamp.from(now.plus(settings.stateLifetime()))));
        return new Issued(state, verifier);
    }

    /**
     * Spends a state returned on the callback. It is valid only once, before it expires, and for the
     * person who started the flow: a state of another tenant (or another person) is refused without
     * saying anything about it.
     */
    Outcome spend(String state, UUID tenantId, UUID personId) {
        if (state == null || state.isEmpty() || state.length() > 200) {
            return new Refused(Reason.UNKNOWN, null);
        }
        byte[] hash = hash(state);
        record Row(UUID tenantId, UUID connectionId, UUID personId, String system, byte[] sealed, Instant expiresAt, Instant usedAt) {
        }
        // Across tenants on purpose: the callback must tell "another tenant's" from "unknown", and the
        // row is claimed in the same statement, so two callbacks with one state cannot both win.
        Instant now = clock.instant();
        return transactions.system(() -> {
            Optional<Row> row = sql.one("SELECT tenant_id, connection_id, user_id, system, sealed_verifier, expires_at, used_at "
                            + "FROM oauth_states WHERE state_hash = ? FOR UPDATE",
                    r -> new Row(r.getObject("tenant_id", UUID.class), r.getObject("connection_id", UUID.class),
                            r.getObject("user_id", UUID.class), r.getString("system"), r.getBytes("sealed_verifier"),
                            Sql.instant(r, "expires_at"), Sql.instant(r, "used_at")), hash);
            if (row.isEmpty()) {
                return new Refused(Reason.UNKNOWN, null);
            }
            Row found = row.get();
            if (!found.tenantId().equals(tenantId) || !found.personId().equals(personId)) {
                return new Refused(Reason.OTHER_TENANT, null);
            }
            if (found.usedAt() != null) {
                return new Refused(Reason.USED, found.connectionId());
            }
            sql.update("UPDATE oauth_states SET used_at = ? WHERE state_hash = ?", Timestamp.from(now), hash);
            if (!found.expiresAt().isAfter(now)) {
                return new Refused(Reason.EXPIRED, found.connectionId());
            }
            String verifier = found.sealed() == null ? null
                    : vault.unseal(found.tenantId(), found.connectionId(), VERIFIER_PURPOSE, found.sealed());
            return new Valid(found.tenantId(), found.connectionId(), found.system(), verifier);
        });
    }

    /** Forgets states spent or expired more than a day ago; a recent one still tells "used" from "unknown". */
    int sweep() {
        Instant cutoff = clock.instant().minus(java.time.Duration.ofDays(1));
        return transactions.system(() -> sql.update("DELETE FROM oauth_states WHERE expires_at < ?", Timestamp.from(cutoff)));
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static byte[] hash(String state) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
