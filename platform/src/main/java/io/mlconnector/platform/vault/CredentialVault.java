package io.mlconnector.platform.vault;

import com.google.crypto.tink.Aead;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Per-connection credentials, encrypted at rest. The tenant, the connection and the field name are
 * bound to each ciphertext as associated data, so a ciphertext copied into another tenant's row, or
 * onto another field, does not decrypt. Values never leave through logs or errors; callers that show
 * them to people use {@link SecretMask}.
 */
@Singleton
public class CredentialVault {

    private final Sql sql;
    private final TenantTransactions transactions;
    private final DataKeys keys;

    public CredentialVault(Sql sql, TenantTransactions transactions, DataKeys keys) {
        this.sql = sql;
        this.transactions = transactions;
        this.keys = keys;
    }

    public void put(UUID tenantId, UUID connectionId, String field, String value) {
        byte[] ciphertext = encrypt(tenantId, connectionId, field, value);
        transactions.write(tenantId, () -> sql.update(
                "INSERT INTO credentials (tenant_id, connection_id, field, ciphertext) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (connection_id, field) DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = now()",
                tenantId, connectionId, field, ciphertext));
    }

    /** All fields of a connection, decrypted. For the connector, never for a page or a log. */
    public Map<String, String> read(UUID tenantId, UUID connectionId) {
        Map<String, byte[]> stored = transactions.read(tenantId, () -> {
            Map<String, byte[]> rows = new LinkedHashMap<>();
            sql.list("SELECT field, ciphertext FROM credentials WHERE connection_id = ? ORDER BY field",
                    row -> rows.put(row.getString("field"), row.getBytes("ciphertext")), connectionId);
            return rows;
        });
        Map<String, String> values = new LinkedHashMap<>();
        stored.forEach((field, ciphertext) -> values.put(field, decrypt(tenantId, connectionId, field, ciphertext)));
        return values;
    }

    /** What a person may see of the stored fields: masked values only. */
    public Map<String, String> masked(UUID tenantId, UUID connectionId) {
        Map<String, String> masked = new LinkedHashMap<>();
        read(tenantId, connectionId).forEach((field, value) -> masked.put(field, SecretMask.of(value)));
        return masked;
    }

    public void remove(UUID tenantId, UUID connectionId, String field) {
        transactions.write(tenantId, () -> sql.update("DELETE FROM credentials WHERE connection_id = ? AND field = ?", connectionId, field));
    }

    /** Removes every field whose name starts with {@code prefix}, e.g. all of one system's OAuth grant. */
    public void removeStartingWith(UUID tenantId, UUID connectionId, String prefix) {
        transactions.write(tenantId, () -> sql.update("DELETE FROM credentials WHERE connection_id = ? AND starts_with(field, ?)",
                connectionId, prefix));
    }

    /**
     * Encrypts a short-lived secret kept outside the credentials table (e.g. a PKCE verifier), bound
     * to the tenant, the connection and {@code purpose} as associated data.
     */
    public byte[] seal(UUID tenantId, UUID connectionId, String purpose, String value) {
        return encrypt(tenantId, connectionId, purpose, value);
    }

    public String unseal(UUID tenantId, UUID connectionId, String purpose, byte[] sealed) {
        return decrypt(tenantId, connectionId, purpose, sealed);
    }

    byte[] encrypt(UUID tenantId, UUID connectionId, String field, String value) {
        try {
            return keys.aead().encrypt(value.getBytes(StandardCharsets.UTF_8), associatedData(tenantId, connectionId, field));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the credential '" + field + "'", e);
        }
    }

    String decrypt(UUID tenantId, UUID connectionId, String field, byte[] ciphertext) {
        try {
            return decryptOnce(tenantId, connectionId, field, ciphertext);
        } catch (GeneralSecurityException first) {
            // Another instance may have rotated the keyset since this one loaded it.
            keys.reload();
            try {
                return decryptOnce(tenantId, connectionId, field, ciphertext);
            } catch (GeneralSecurityException e) {
                throw new VaultException("The stored credential '" + field + "' could not be decrypted for this connection");
            }
        }
    }

    private String decryptOnce(UUID tenantId, UUID connectionId, String field, byte[] ciphertext) throws GeneralSecurityException {
        return new String(keys.aead().decrypt(ciphertext, associatedData(tenantId, connectionId, field)), StandardCharsets.UTF_8);
    }

    static byte[] associatedData(UUID tenantId, UUID connectionId, String field) {
        return ("tenant=" + tenantId + ";connection=" + connectionId + ";field=" + field).getBytes(StandardCharsets.UTF_8);
    }
}
