package io.mlconnector.platform.qbwc;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How the Web Connector service behaves, from {@code ml.qbwc.*}: how many independent requests
 * travel in one qbXML message, how often a failing request is tried before its plugin is told, how
 * long an unused session lives, the qbXML version spoken when QuickBooks allows it, size limits, and
 * how often the object of a Mod with an out-of-date EditSequence is read again before giving up.
 */
@Singleton
public class QbwcSettings {

    private final int batchSize;
    private final int maxAttempts;
    private final Duration sessionIdleTimeout;
    private final int maxRoundTripsPerSession;
    private final String qbxmlVersion;
    private final int maxBodyBytes;
    private final int maxFragmentChars;
    private final Duration keepFinished;
    private final int maxRereads;

    public QbwcSettings(@Value("${ml.qbwc.batch-size:50}") int batchSize,
                        @Value("${ml.qbwc.max-attempts:3}") int maxAttempts,
                        @Value("${ml.qbwc.session-idle-timeout:30m}") Duration sessionIdleTimeout,
                        @Value("${ml.qbwc.max-round-trips-per-session:2000}") int maxRoundTripsPerSession,
                        @Value("${ml.qbwc.qbxml-version:13.0}") String qbxmlVersion,
                        @Value("${ml.qbwc.max-body-bytes:10000000}") int maxBodyBytes,
                        @Value("${ml.qbwc.max-fragment-chars:1000000}") int maxFragmentChars,
                        @Value("${ml.qbwc.keep-finished:30d}") Duration keepFinished,
                        @Value("${ml.qbwc.max-rereads:2}") int maxRereads) {
        this.batchSize = Math.max(1, batchSize);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.sessionIdleTimeout = sessionIdleTimeout;
        this.maxRoundTripsPerSession = Math.max(1, maxRoundTripsPerSession);
        this.qbxmlVersion = qbxmlVersion;
        this.maxBodyBytes = maxBodyBytes;
        this.maxFragmentChars = maxFragmentChars;
        this.keepFinished = keepFinished;
        this.maxRereads = Math.max(0, maxRereads);
    }

    /** Independent requests per qbXML message (default 50). */
    public int batchSize() {
        return batchSize;
    }

    /** Sessions in which QuickBooks may fail a request as a whole before the plugin is told (default 3). */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration sessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    /** A safety net against a plugin that keeps adding work: the session ends after this many messages. */
    public int maxRoundTripsPerSession() {
        return maxRoundTripsPerSession;
    }

    /** The highest qbXML version to speak (default 13.0); lower when QuickBooks supports less. */
    public String qbxmlVersion() {
        return qbxmlVersion;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxFragmentChars() {
        return maxFragmentChars;
    }

    /** How long answered requests and closed sessions are kept after they are finished. */
    public Duration keepFinished() {
        return keepFinished;
    }

    /**
     * How often one Mod's object is read again after QuickBooks found its EditSequence out of date
     * (status 3200) before the connector gets that answer (default 2).
     */
    public int maxRereads() {
        return maxRereads;
    }
}
