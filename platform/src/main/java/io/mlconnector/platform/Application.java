package io.mlconnector.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.mlconnector.platform.vault.VaultRotation;

/**
 * Starts ml-connector. Configuration comes from the environment; see the README.
 *
 * <p>{@code rotate-vault-key} instead rotates the credential vault's data key and re-encrypts every
 * stored credential under it, then exits; the server may keep running meanwhile.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("rotate-vault-key")) {
            rotateVaultKey();
            return;
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .start();
    }

    private static void rotateVaultKey() {
        try (ApplicationContext context = ApplicationContext.builder().properties(java.util.Map.of("micronaut.server.enabled", false, "ml.jobs.enabled", false))
                .start()) {
            VaultRotation.Result result = context.getBean(VaultRotation.class).rotate();
            System.out.printf("Vault key rotated: key %d is now primary; %d credentials re-encrypted, %d unreadable.%n",
                    result.newPrimaryKeyId(), result.pass().reencrypted(), result.pass().unreadable());
        }
    }
}
