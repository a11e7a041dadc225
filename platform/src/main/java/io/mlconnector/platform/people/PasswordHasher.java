package io.mlconnector.platform.people;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane). The encoded hash
 * carries its parameters, so they can be raised later without breaking stored hashes.
 */
@Singleton
public class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    /** A valid hash of nothing anyone knows, checked against when the e-mail is unknown. */
    private final String decoy = hash("decoy-" + System.nanoTime());

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String hash) {
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** Spends the same time as a real check, so response times do not reveal which e-mails exist. */
    public void checkDecoy(String password) {
        matches(password, decoy);
    }
}
