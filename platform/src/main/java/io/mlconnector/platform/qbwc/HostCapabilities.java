package io.mlconnector.platform.qbwc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Which qbXML version to speak with the QuickBooks on the other side of a Web Connector. The Web
 * Connector passes QuickBooks' own HostQuery answer (strHCPResponse) on the first sendRequestXML of a
 * session; its {@code SupportedQBXMLVersion} elements list what this QuickBooks understands. We use
 * the highest of them that is not above the version we write; without that list, the major/minor
 * version the Web Connector reports; without either, what we knew before.
 */
final class HostCapabilities {

    private HostCapabilities() {
    }

    /** The versions listed in a HostQuery response, in document order; empty when there is none. */
    static List<String> supportedVersions(String hcpResponse) {
        List<String> versions = new ArrayList<>();
        if (hcpResponse == null || hcpResponse.isBlank()) {
            return versions;
        }
        try {
            XMLStreamReader in = SafeXml.reader(hcpResponse);
            while (in.hasNext()) {
                if (in.next() == XMLStreamReader.START_ELEMENT && "SupportedQBXMLVersion".equals(in.getLocalName())) {
                    versions.add(in.getElementText().strip());
                }
            }
        } catch (XMLStreamException e) {
            // An unreadable HostQuery answer tells us nothing; the other sources decide.
        }
        return versions;
    }

    /**
     * The version to write: {@code preferred} or the highest supported version below it. Country
     * variants such as "CA3.0" are ignored; modern QuickBooks lists plain numbers for every country.
     */
    static Optional<String> negotiate(String preferred, String hcpResponse, String majorVersion, String minorVersion) {
        BigDecimal ceiling = number(preferred).orElse(new BigDecimal("13.0"));
        BigDecimal best = null;
        String bestText = null;
        for (String version : supportedVersions(hcpResponse)) {
            Optional<BigDecimal> value = number(version);
            if (value.isPresent() && value.get().compareTo(ceiling) <= 0 && (best == null || value.get().compareTo(best) > 0)) {
                best = value.get();
                bestText = normalize(version);
            }
        }
        if (bestText != null) {
            return Optional.of(bestText);
        }
        Optional<BigDecimal> reported = number(majorVersion + "." + (minorVersion == null || minorVersion.isBlank() ? "0" : minorVersion.strip()));
        if (reported.isPresent() && reported.get().signum() > 0) {
            return Optional.of(reported.get().compareTo(ceiling) < 0 ? normalize(reported.get().toPlainString()) : normalize(preferred));
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(String text) {
        if (text == null || !text.strip().matches("\\d{1,3}(\\.\\d{1,3})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text.strip()));
    }

    /** "13" becomes "13.0", as QuickBooks writes versions. */
    private static String normalize(String version) {
        String v = version.strip();
        return v.contains(".") ? v : v + ".0";
    }
}
