package io.mlconnector.platform.ops;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.mlconnector.platform.people.PublicUrls;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the person who started the server where to open it. */
@Singleton
public class StartupMessage {

    private static final Logger LOG = LoggerFactory.getLogger(StartupMessage.class);

    private final PublicUrls urls;

    public StartupMessage(PublicUrls urls) {
        this.urls = urls;
    }

    @EventListener
    void started(ServerStartupEvent event) {
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("ml-connector is ready in {} ms. Open {}/ in your browser.", millis, urls.base());
    }
}
