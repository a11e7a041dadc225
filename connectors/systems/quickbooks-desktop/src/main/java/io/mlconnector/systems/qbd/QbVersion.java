package io.mlconnector.systems.qbd;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A qbXML specification version such as 13.0, ordered numerically (13.0 is after 2.1). */
public record QbVersion(int major, int minor) implements Comparable<QbVersion> {

    /** The newest version this library's schema is written for. */
    public static final QbVersion LATEST_SUPPORTED = new QbVersion(13, 0);

    private static final Pattern PLAIN = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})");

    public QbVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("Negative qbXML version " + major + "." + minor);
        }
    }

    public static QbVersion parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("Not a qbXML version: '" + text + "'"));
    }

    /**
     * Reads {@code "13.0"}; gives nothing for the regional variants some editions also list
     * (e.g. {@code "CA3.0"}), which are different specifications.
     */
    public static Optional<QbVersion> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PLAIN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new QbVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    public boolean isAtLeast(QbVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(QbVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    /** As written in {@code <?qbxml version="…"?>}. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
