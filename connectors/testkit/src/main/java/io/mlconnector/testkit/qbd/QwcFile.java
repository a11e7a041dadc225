package io.mlconnector.testkit.qbd;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * A Web Connector application file ({@code .qwc}, root {@code <QBWCXML>}) as the Web Connector reads
 * it when a user adds an application. Parsing checks what the Web Connector insists on: AppURL,
 * UserName, OwnerID and FileID present, GUIDs in braces, https unless the service is on this machine.
 */
public record QwcFile(String appName, String appId, URI appUrl, String appDescription, String appSupport,
        String userName, String ownerId, String fileId, String qbType, Integer runEveryNMinutes,
        Integer runEveryNSeconds, boolean readOnly) {

    private static final Pattern GUID =
            Pattern.compile("\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public static QwcFile read(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8));
    }

    public static QwcFile parse(String xml) {
        Element root;
        try {
            root = Xml.parse(xml.strip(), false).getDocumentElement();
        } catch (SAXException e) {
            throw new IllegalArgumentException("Not a .qwc file: the XML is not well-formed", e);
        }
        if (!"QBWCXML".equals(Xml.name(root))) {
            throw new IllegalArgumentException("Not a .qwc file: root element is <" + Xml.name(root) + ">");
        }
        String appUrl = required(root, "AppURL");
        URI uri = URI.create(appUrl);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !LOCAL_HOSTS.contains(host)) {
            throw new IllegalArgumentException("AppURL must use https unless the service runs on this machine: "
                    + appUrl);
        }
        String ownerId = required(root, "OwnerID");
        String fileId = required(root, "FileID");
        for (String guid : new String[] {ownerId, fileId}) {
            if (!GUID.matcher(guid).matches()) {
                throw new IllegalArgumentException("OwnerID and FileID must be GUIDs in braces: " + guid);
            }
        }
        Element scheduler = Xml.child(root, "Scheduler");
        return new QwcFile(Xml.text(root, "AppName"), Xml.text(root, "AppID"), uri, Xml.text(root, "AppDescription"),
                Xml.text(root, "AppSupport"), required(root, "UserName"), ownerId, fileId, Xml.text(root, "QBType"),
                integer(scheduler, "RunEveryNMinutes"), integer(scheduler, "RunEveryNSeconds"),
                "true".equalsIgnoreCase(Xml.text(root, "IsReadOnly")));
    }

    private static String required(Element root, String name) {
        String value = Xml.text(root, name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("The .qwc file has no " + name);
        }
        return value;
    }

    private static Integer integer(Element parent, String name) {
        String value = Xml.text(parent, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value, e);
        }
    }
}
