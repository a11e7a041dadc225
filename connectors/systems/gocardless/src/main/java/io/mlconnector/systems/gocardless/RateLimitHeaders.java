package io.mlconnector.systems.gocardless;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Keeps the {@code RateLimit-*} headers of a 429 for the thread that made the call.
 *
 * <p>gocardless-pro turns a 429 into {@code RateLimitException} but drops the response headers on
 * the way, and it has no hook for them. This OkHttp interceptor sits in the client's own HTTP
 * stack and notes them first; OkHttp runs interceptors of a synchronous call on the calling thread,
 * so a thread-local hands them to the code that catches the exception.
 */
final class RateLimitHeaders implements Interceptor {

    /** Without a usable {@code RateLimit-Reset}: GoCardless limits per minute, so a minute is always enough. */
    static final Duration FALLBACK_WAIT = Duration.ofSeconds(60);

    /** The headers of the last 429 on this thread. */
    record Seen(String limit, String remaining, String reset) {
    }

    private static final ThreadLocal<Seen> LAST_429 = new ThreadLocal<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 429) {
            LAST_429.set(new Seen(response.header("RateLimit-Limit"), response.header("RateLimit-Remaining"),
                    response.header("RateLimit-Reset")));
        }
        return response;
    }

    static void forget() {
        LAST_429.remove();
    }

    /** Turns what this thread saw into the exception our callers handle. */
    static GoCardlessRateLimitedException toException(String what, Clock clock) {
        Seen seen = LAST_429.get();
        LAST_429.remove();
        Instant now = clock.instant();
        Instant resetAt = seen == null ? null : resetInstant(seen.reset(), now);
        Duration wait = resetAt == null ? FALLBACK_WAIT : Duration.between(now, resetAt);
        if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
            wait = Duration.ofSeconds(1);
        }
        return new GoCardlessRateLimitedException(what, wait, resetAt, seen == null ? null : integer(seen.limit()));
    }

    /**
     * GoCardless sends an HTTP date ({@code Tue, 14 Apr 2015 09:35:00 GMT}). Numbers are read too,
     * as epoch seconds when they look like one and as seconds to wait otherwise.
     */
    static Instant resetInstant(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() <= 18 && v.chars().allMatch(Character::isDigit)) {
            long n = Long.parseLong(v);
            return n > 1_000_000_000L ? Instant.ofEpochSecond(n) : now.plusSeconds(n);
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
