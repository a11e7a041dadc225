package io.mlconnector.platform.vault;

/** A credential could not be opened. The message never contains the credential. */
public class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message);
    }
}
