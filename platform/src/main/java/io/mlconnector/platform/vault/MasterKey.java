package io.mlconnector.platform.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.util.SecretBytes;
import io.mlconnector.platform.database.DatabaseSettings;
import io.mlconnector.platform.database.OwnerOnlyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one secret the operator keeps: 32 random bytes, base64, in {@code ML_MASTER_KEY}. It wraps the
 * vault's data keys (key-encryption key) and derives the session-signing key, so every instance of
 * a cluster needs the same value. When none is configured, a key file is created on first run in
 * the data directory and its location is logged (never its content).
 */
public final class MasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    private static final int KEY_BYTES = 32;

    private final byte[] material;

    private MasterKey(byte[] material) {
        if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException("The master key must be " + KEY_BYTES + " bytes (base64 of 32 random bytes)");
        }
        this.material = material.clone();
    }

    public static MasterKey fromBase64(String encoded) {
        try {
            return new MasterKey(Base64.getDecoder().decode(encoded.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The master key is not valid base64 of 32 bytes", e);
        }
    }

    public static MasterKey generate() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /** From {@code ML_MASTER_KEY} (or {@code ml.master-key}), else from (or into) the local key file. */
    public static MasterKey load() {
        String configured = System.getProperty("ml.master-key", System.getenv("ML_MASTER_KEY"));
        if (configured != null && !configured.isBlank()) {
            return fromBase64(configured);
        }
        return fromFile(DatabaseSettings.defaultDataDirectory().resolve("master.key"));
    }

    static MasterKey fromFile(Path file) {
        Optional<String> stored = OwnerOnlyFile.read(file);
        if (stored.isPresent()) {
            return fromBase64(stored.get());
        }
        MasterKey created = generate();
        OwnerOnlyFile.write(file, created.toBase64());
        LOG.warn("Created a new master key in {}. Back it up: without it stored credentials cannot be read. "
                + "In production set ML_MASTER_KEY instead.", file);
        return created;
    }

    String toBase64() {
        return Base64.getEncoder().encodeToString(material);
    }

    /** The AEAD that wraps the vault's data keyset. */
    Aead keyEncryptionKey() {
        try {
            AeadConfig.register();
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(KEY_BYTES).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey key = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(derive("vault key-encryption key"), InsecureSecretKeyAccess.get()))
                    .build();
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                    .build()
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not use the master key", e);
        }
    }

    /** A 32-byte key for one purpose, independent of the keys for other purposes (HKDF-SHA256). */
    public byte[] derive(String purpose) {
        try {
            return Hkdf.computeHkdf("HMACSHA256", material, "ml-connector".getBytes(StandardCharsets.UTF_8),
                    purpose.getBytes(StandardCharsets.UTF_8), KEY_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive a key", e);
        }
    }
}
