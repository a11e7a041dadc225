package io.mlconnector.platform.qbwc;

import java.io.StringWriter;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The Web Connector application file ({@code .qwc}) of one connection. The Web Connector reads it
 * once, when the user adds the application; OwnerID and FileID must stay the same for the
 * connection afterwards, and AppName must differ between connections on one machine.
 */
final class QwcDocument {

    static final int DEFAULT_RUN_EVERY_MINUTES = 15;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** Everything the file says. */
    record Contents(String appName, String appUrl, String appDescription, String appSupport, String userName, String ownerId,
                    String fileId, int runEveryMinutes) {
    }

    private QwcDocument() {
    }

    /** The Web Connector refuses plain http except to this machine. */
    static boolean acceptableUrl(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()) && LOCAL_HOSTS.contains(host);
    }

    /** The connection setting {@code qbwc_run_every_minutes}: at least 1, 15 when missing or unreadable. */
    static int runEveryMinutes(String setting) {
        if (setting == null || setting.isBlank()) {
            return DEFAULT_RUN_EVERY_MINUTES;
        }
        try {
            return Math.max(1, Integer.parseInt(setting.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_RUN_EVERY_MINUTES;
        }
    }

    static String write(Contents contents) {
        StringWriter text = new StringWriter(1024);
        try {
            XMLStreamWriter out = SafeXml.writer(text);
            out.writeStartDocument("utf-8", "1.0");
            out.writeCharacters("\n");
            out.writeStartElement("QBWCXML");
            leaf(out, "AppName", contents.appName());
            // AppID is passed to QuickBooks when the Web Connector opens the connection; QuickBooks does not need one here.
            leaf(out, "AppID", "");
            leaf(out, "AppURL", contents.appUrl());
            leaf(out, "AppDescription", contents.appDescription());
            leaf(out, "AppSupport", contents.appSupport());
            leaf(out, "UserName", contents.userName());
            leaf(out, "OwnerID", contents.ownerId());
            leaf(out, "FileID", contents.fileId());
            leaf(out, "QBType", "QBFS");
            leaf(out, "Style", "Document");
            out.writeCharacters("\n  ");
            out.writeStartElement("Scheduler");
            out.writeCharacters("\n    ");
            out.writeStartElement("RunEveryNMinutes");
            out.writeCharacters(Integer.toString(contents.runEveryMinutes()));
            out.writeEndElement();
            out.writeCharacters("\n  ");
            out.writeEndElement();
            leaf(out, "IsReadOnly", "false");
            out.writeCharacters("\n");
            out.writeEndElement();
            out.writeCharacters("\n");
            out.writeEndDocument();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the .qwc file", e);
        }
        return text.toString();
    }

    private static void leaf(XMLStreamWriter out, String name, String value) throws XMLStreamException {
        out.writeCharacters("\n  ");
        out.writeStartElement(name);
        out.writeCharacters(value);
        out.writeEndElement();
    }

    /** A file-name-safe form of the connection's name, e.g. "Acme Ltd (UK)" → "acme-ltd-uk". */
    static String slug(String name, String fallback) {
        String slug = name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
