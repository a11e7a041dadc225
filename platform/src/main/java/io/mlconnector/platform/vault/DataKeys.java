package io.mlconnector.platform.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The vault's data keys: a Tink AES-256-GCM keyset stored in PostgreSQL, wrapped by the master key.
 * Tink prefixes each ciphertext with the id of the key that made it, so after a rotation old
 * ciphertexts still decrypt while new ones use the new primary key.
 */
@Singleton
public class DataKeys {

    static final String KEYSET_NAME = "credentials";
    private static final byte[] WRAP_CONTEXT = "ml-connector vault keyset".getBytes(StandardCharsets.UTF_8);

    private final Sql sql;
    private final TenantTransactions transactions;
    private final Aead keyEncryptionKey;
    private volatile KeysetHandle keyset;

    public DataKeys(Sql sql, TenantTransactions transactions, MasterKey masterKey) throws GeneralSecurityException {
        AeadConfig.register();
        this.sql = sql;
        this.transactions = transactions;
        this.keyEncryptionKey = masterKey.keyEncryptionKey();
    }

    Aead aead() {
        try {
            return current().getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The vault keyset is unusable", e);
        }
    }

    /** Re-reads the keyset, e.g. after another instance rotated it. */
    void reload() {
        keyset = null;
    }

    /** Adds a new AES-256-GCM key and makes it primary; earlier keys stay for decryption. */
    public int rotate() {
        return transactions.system(() -> {
            KeysetHandle existing = loadOrCreate(true);
            try {
                KeysetHandle.Builder builder = KeysetHandle.newBuilder(existing);
                builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId());
                builder.getAt(builder.size() - 1).makePrimary();
                KeysetHandle rotated = builder.build();
                store(rotated);
                keyset = rotated;
                return rotated.getPrimary().getId();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not rotate the vault key", e);
            }
        });
    }

    public int primaryKeyId() {
        return current().getPrimary().getId();
    }

    public int keyCount() {
        return current().size();
    }

    private KeysetHandle current() {
        KeysetHandle loaded = keyset;
        if (loaded == null) {
            loaded = transactions.system(() -> loadOrCreate(false));
            keyset = loaded;
        }
        return loaded;
    }

    private KeysetHandle loadOrCreate(boolean lock) {
        byte[] stored = sql.one("SELECT encrypted_keyset FROM vault_keysets WHERE name = ?" + (lock ? " FOR UPDATE" : ""),
                row -> row.getBytes(1), KEYSET_NAME).orElse(null);
        try {
            if (stored != null) {
                return TinkProtoKeysetFormat.parseEncryptedKeyset(stored, keyEncryptionKey, WRAP_CONTEXT);
            }
            KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            // Two instances may start at once: the first insert wins, the other reads it back.
            int inserted = sql.update("INSERT INTO vault_keysets (name, encrypted_keyset) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    KEYSET_NAME, TinkProtoKeysetFormat.serializeEncryptedKeyset(created, keyEncryptionKey, WRAP_CONTEXT));
            return inserted == 1 ? created : loadOrCreate(lock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The vault keyset cannot be opened with this master key. "
                    + "Is ML_MASTER_KEY the one the data was created with?", e);
        }
    }

    private void store(KeysetHandle handle) throws GeneralSecurityException {
        sql.update("UPDATE vault_keysets SET encrypted_keyset = ?, updated_at = now() WHERE name = ?",
                TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, keyEncryptionKey, WRAP_CONTEXT), KEYSET_NAME);
    }
}
