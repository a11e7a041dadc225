package io.mlconnector.platform.vault;

import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the vault: a new primary data key, then every stored credential re-encrypted under it, in
 * batches, each in its own transaction, so a rotation interrupted half-way can simply be run again.
 */
@Singleton
public class VaultRotation {

    private static final Logger LOG = LoggerFactory.getLogger(VaultRotation.class);
    private static final int BATCH = 200;

    /** What a rotation did. */
    public record Result(int newPrimaryKeyId, Pass pass) {
    }

    /**
     * One pass over the stored credentials. Unreadable ones (tampered with, or written under another
     * master key) are counted and left as they are: one bad row must not stop the rest rotating.
     */
    public record Pass(int reencrypted, int unreadable) {
    }

    private record Row(UUID tenantId, UUID connectionId, String field, byte[] ciphertext) {
    }

    private final Sql sql;
    private final TenantTransactions transactions;
    private final DataKeys keys;
    private final CredentialVault vault;

    public VaultRotation(Sql sql, TenantTransactions transactions, DataKeys keys, CredentialVault vault) {
        this.sql = sql;
        this.transactions = transactions;
        this.keys = keys;
        this.vault = vault;
    }

    public Result rotate() {
        int primary = keys.rotate();
        Pass pass = reencryptAll();
        LOG.info("Vault rotated: key {} is primary, {} credentials re-encrypted, {} unreadable",
                primary, pass.reencrypted(), pass.unreadable());
        return new Result(primary, pass);
    }

    /** Re-encrypts every credential not yet under the primary key. Safe to run again. */
    public Pass reencryptAll() {
        int total = 0;
        int unreadable = 0;
        String after = "";
        UUID afterConnection = new UUID(0, 0);
        while (true) {
            UUID fromConnection = afterConnection;
            String fromField = after;
            List<Row> rows = transactions.system(() -> sql.list(
                    "SELECT tenant_id, connection_id, field, ciphertext FROM credentials "
                            + "WHERE (connection_id, field) > (?, ?) ORDER BY connection_id, field LIMIT " + BATCH,
                    row -> new Row(row.getObject("tenant_id", UUID.class), row.getObject("connection_id", UUID.class),
                            row.getString("field"), row.getBytes("ciphertext")), fromConnection, fromField));
            if (rows.isEmpty()) {
                return new Pass(total, unreadable);
            }
            for (Row row : rows) {
                if (!underPrimary(row.ciphertext())) {
                    String value;
                    try {
                        value = vault.decrypt(row.tenantId(), row.connectionId(), row.field(), row.ciphertext());
                    } catch (VaultException e) {
                        LOG.warn("Credential '{}' of connection {} cannot be decrypted; left as it is", row.field(), row.connectionId());
                        unreadable++;
                        continue;
                    }
                    byte[] fresh = vault.encrypt(row.tenantId(), row.connectionId(), row.field(), value);
                    transactions.write(row.tenantId(), () -> sql.update(
                            "UPDATE credentials SET ciphertext = ?, updated_at = now() WHERE connection_id = ? AND field = ? AND ciphertext = ?",
                            fresh, row.connectionId(), row.field(), row.ciphertext()));
                    total++;
                }
            }
            Row last = rows.get(rows.size() - 1);
            afterConnection = last.connectionId();
            after = last.field();
        }
    }

    /** Tink's output prefix: version byte 0x01 then the 4-byte id of the key that encrypted. */
    boolean underPrimary(byte[] ciphertext) {
        if (ciphertext.length < 5 || ciphertext[0] != 0x01) {
            return false;
        }
        int keyId = ((ciphertext[1] & 0xff) << 24) | ((ciphertext[2] & 0xff) << 16) | ((ciphertext[3] & 0xff) << 8) | (ciphertext[4] & 0xff);
        return keyId == keys.primaryKeyId();
    }
}
