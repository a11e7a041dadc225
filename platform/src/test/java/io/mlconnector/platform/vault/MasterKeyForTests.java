package io.mlconnector.platform.vault;

/** A fresh random master key, as base64, for tests that start the platform. */
public final class MasterKeyForTests {

    private MasterKeyForTests() {
    }

    public static String fresh() {
        return MasterKey.generate().toBase64();
    }
}
