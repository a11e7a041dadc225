package io.mlconnector.platform.jobs;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.UUID;

/** This platform instance's name in a cluster: {@code ML_INSTANCE_NAME}, else host name plus a random suffix. */
@Singleton
public class InstanceName {

    private final String name;

    public InstanceName(@Value("${ml.jobs.instance-name:}") String configured) {
        this.name = configured.isBlank() ? host() + "-" + UUID.randomUUID().toString().substring(0, 8) : configured;
    }

    public String name() {
        return name;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "instance";
        }
    }
}
