package io.mlconnector.platform.people;

/** The signed-in person may not do this (answered with 403). */
public class NotAllowed extends RuntimeException {
    public NotAllowed(String message) {
        super(message);
    }
}
