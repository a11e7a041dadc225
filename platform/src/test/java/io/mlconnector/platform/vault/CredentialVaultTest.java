package io.mlconnector.platform.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.testing.Fixtures;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CredentialVaultTest {

    @Inject
    CredentialVault vault;
    @Inject
    VaultRotation rotation;
    @Inject
    DataKeys keys;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    TenantTransactions transactions;

    @Test
    void aStoredSecretReadsBackButIsNotStoredInClear() {
        UUID tenant = fixtures.tenant("Vault Co");
        UUID connection = fixtures.connection(tenant);

        vault.put(tenant, connection, "access_token", "live_abcdefghijklmnop1234");

        assertEquals(Map.of("access_token", "live_abcdefghijklmnop1234"), vault.read(tenant, connection));
        byte[] stored = storedCiphertext(connection, "access_token");
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("live_abcdefghijklmnop1234"));
    }

    @Test
    void peopleOnlyEverSeeTheLastFourCharacters() {
        UUID tenant = fixtures.tenant("Mask Co");
        UUID connection = fixtures.connection(tenant);
        vault.put(tenant, connection, "webhook_secret", "whsec_0123456789abcdefXYZ9");
        vault.put(tenant, connection, "pin", "12345");

        assertEquals(Map.of("webhook_secret", "••••XYZ9", "pin", "••••"), vault.masked(tenant, connection));
    }

    @Test
    void aTamperedCiphertextIsRejectedWithoutRevealingAnything() {
        UUID tenant = fixtures.tenant("Tamper Co");
        UUID connection = fixtures.connection(tenant);
        vault.put(tenant, connection, "access_token", "secret-token-value-987654");
        byte[] stored = storedCiphertext(connection, "access_token");
        stored[stored.length - 1] ^= 0x01;
        overwrite(tenant, connection, "access_token", stored);

        VaultException failure = assertThrows(VaultException.class, () -> vault.read(tenant, connection));
        assertFalse(failure.getMessage().contains("secret-token-value"));
    }

    @Test
    void aCiphertextMovedToAnotherTenantsRowDoesNotDecrypt() {
        UUID victim = fixtures.tenant("Victim");
        UUID victimConnection = fixtures.connection(victim);
        UUID attacker = fixtures.tenant("Attacker");
        UUID attackerConnection = fixtures.connection(attacker);
        vault.put(victim, victimConnection, "access_token", "victims-live-token-000111");
        vault.put(attacker, attackerConnection, "access_token", "attackers-own-token-2222");

        overwrite(attacker, attackerConnection, "access_token", storedCiphertext(victimConnection, "access_token"));

        assertThrows(VaultException.class, () -> vault.read(attacker, attackerConnection));
    }

    @Test
    void aCiphertextMovedToAnotherFieldDoesNotDecrypt() {
        UUID tenant = fixtures.tenant("Fields Co");
        UUID connection = fixtures.connection(tenant);
        vault.put(tenant, connection, "access_token", "token-value-for-one-field");
        vault.put(tenant, connection, "webhook_secret", "another-value-entirely-99");

        overwrite(tenant, connection, "webhook_secret", storedCiphertext(connection, "access_token"));

        assertThrows(VaultException.class, () -> vault.read(tenant, connection));
    }

    @Test
    void rotationMakesANewPrimaryKeyAndReencryptsEverythingWithoutLoss() {
        UUID tenant = fixtures.tenant("Rotate Co");
        UUID connection = fixtures.connection(tenant);
        vault.put(tenant, connection, "access_token", "before-rotation-value-1234");
        vault.put(tenant, connection, "webhook_secret", "before-rotation-secret-5678");
        byte[] before = storedCiphertext(connection, "access_token");
        int oldPrimary = keys.primaryKeyId();

        int newPrimary = keys.rotate();
        assertNotEquals(oldPrimary, newPrimary);
        assertEquals("before-rotation-value-1234", vault.read(tenant, connection).get("access_token"),
                "old ciphertexts still read under the new keyset");

        int reencrypted = rotation.reencryptAll().reencrypted();

        assertTrue(reencrypted >= 2);
        byte[] after = storedCiphertext(connection, "access_token");
        assertFalse(java.util.Arrays.equals(before, after));
        assertTrue(rotation.underPrimary(after));
        assertEquals(Map.of("access_token", "before-rotation-value-1234", "webhook_secret", "before-rotation-secret-5678"),
                vault.read(tenant, connection));
        assertEquals(0, rotation.reencryptAll().reencrypted(), "a second run finds nothing left to do");
    }

    @Test
    void aDifferentMasterKeyCannotOpenTheKeyset() {
        byte[] wrapped = transactions.system(() -> sql.one("SELECT encrypted_keyset FROM vault_keysets WHERE name = ?",
                row -> row.getBytes(1), DataKeys.KEYSET_NAME)).orElseThrow();
        MasterKey other = MasterKey.generate();
        assertThrows(Exception.class, () -> com.google.crypto.tink.TinkProtoKeysetFormat.parseEncryptedKeyset(
                wrapped, other.keyEncryptionKey(), "ml-connector vault keyset".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(other.derive("x"), other.derive("x"));
    }

    private byte[] storedCiphertext(UUID connection, String field) {
        return transactions.system(() -> sql.one("SELECT ciphertext FROM credentials WHERE connection_id = ? AND field = ?",
                row -> row.getBytes(1), connection, field)).orElseThrow();
    }

    private void overwrite(UUID tenant, UUID connection, String field, byte[] ciphertext) {
        transactions.write(tenant, () -> sql.update("UPDATE credentials SET ciphertext = ? WHERE connection_id = ? AND field = ?",
                ciphertext, connection, field));
    }
}
