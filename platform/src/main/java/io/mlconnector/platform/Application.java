package io.mlconnector.platform;

import io.micronaut.runtime.Micronaut;

/** Starts ml-connector. Configuration comes from the environment; see the README. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .banner(false)
                .start();
    }
}
