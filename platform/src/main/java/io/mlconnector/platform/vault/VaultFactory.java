package io.mlconnector.platform.vault;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
public class VaultFactory {

    @Singleton
    MasterKey masterKey() {
        return MasterKey.load();
    }
}
