package io.mlconnector.platform.people;

import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.tenancy.CurrentTenant;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Lets an owner bring a colleague into the tenant. The invitation token is shown once (as a link)
 * and only its SHA-256 is stored, so a copy of the database cannot be used to join a tenant.
 */
@Singleton
public class InvitationService {

    public static final Duration VALIDITY = Duration.ofDays(7);

    /** A created invitation: the one-time token goes into the link sent to the colleague. */
    public record Invitation(UUID id, String email, String token, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Sql sql;
    private final TenantTransactions transactions;
    private final PersonRepository people;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public InvitationService(Sql sql, TenantTransactions transactions, PersonRepository people, PasswordHasher hasher,
                             AuditLog audit, Clock clock) {
        this.sql = sql;
        this.transactions = transactions;
        this.people = people;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public Invitation invite(CurrentTenant inviter, String email) {
        if (!inviter.isOwner()) {
            throw new NotAllowed("Only the account owner can invite colleagues.");
        }
        String address = EmailAddress.normalise(email);
        if (!EmailAddress.looksValid(address)) {
            throw InvalidInput.of("email", "Enter an e-mail address like name@example.com.");
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = clock.instant().plus(VALIDITY);
        UUID id = UUID.randomUUID();
        transactions.write(inviter.tenantId(), () -> {
            sql.update("INSERT INTO invitations (id, tenant_id, email, token_hash, invited_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                    id, inviter.tenantId(), address, sha256(token), inviter.userId(), expires);
            audit.insert(AuditEntry.of(inviter.tenantId(), "person.invited", "ok").message("Invited " + address));
        });
        return new Invitation(id, address, token, expires);
    }

    /** Turns a valid, unused invitation into a person of the inviting tenant. */
    public Person accept(String token, String name, String password) {
        String passwordProblem = PasswordPolicy.problem(password);
        if (passwordProblem != null) {
            throw InvalidInput.of("password", passwordProblem);
        }
        if (name == null || name.isBlank()) {
            throw InvalidInput.of("name", "Enter your name.");
        }
        String hash = hasher.hash(password);
        Person person = transactions.system(() -> {
            record Pending(UUID id, UUID tenantId, String email, Instant expiresAt, Instant acceptedAt) {
            }
            Pending pending = sql.one("SELECT id, tenant_id, email, expires_at, accepted_at FROM invitations WHERE token_hash = ? FOR UPDATE",
                            row -> new Pending(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class),
                                    row.getString("email"), Sql.instant(row, "expires_at"), Sql.instant(row, "accepted_at")),
                            (Object) sha256(token))
                    .orElseThrow(() -> InvalidInput.of("token", "This invitation link is not valid."));
            if (pending.acceptedAt() != null) {
                throw InvalidInput.of("token", "This invitation has already been used.");
            }
            if (pending.expiresAt().isBefore(clock.instant())) {
                throw InvalidInput.of("token", "This invitation has expired. Ask for a new one.");
            }
            if (people.emailTaken(pending.email())) {
                throw InvalidInput.of("email", "An account with this e-mail already exists.");
            }
            sql.update("UPDATE invitations SET accepted_at = ? WHERE id = ?", clock.instant(), pending.id());
            return people.insert(pending.tenantId(), pending.email(), name.trim(), hash, "MEMBER");
        });
        audit.append(AuditEntry.of(person.tenantId(), "person.joined", "ok").message(person.email() + " accepted an invitation"));
        return person;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
