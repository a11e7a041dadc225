package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.HostQueryRs;
import io.mlconnector.systems.qbd.xml.HostRet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the qbXML version to speak with one QuickBooks installation.
 *
 * <p>QuickBooks lists the versions it accepts in {@code HostRet/SupportedQBXMLVersion}; the Web
 * Connector passes that answer as {@code strHCPResponse} on {@code sendRequestXML}, together with
 * the highest version as {@code qbXMLMajorVers}/{@code qbXMLMinorVers}. We speak the highest listed
 * version that is not newer than {@link QbVersion#LATEST_SUPPORTED} (our schema is 13.0), and report
 * which of our messages that version lacks, so a plugin can tell the user instead of sending a
 * request QuickBooks would refuse.
 *
 * @param version     the version to put in {@code <?qbxml version="…"?>}; empty when QuickBooks
 *                    accepts none we can speak
 * @param advertised  the versions QuickBooks listed, as written
 * @param unavailable our messages the chosen version does not offer (all of them when empty)
 * @param productName QuickBooks' product name, when known (for messages to people)
 */
public record QbVersionNegotiation(Optional<QbVersion> version, List<String> advertised,
                                   List<QbMessage> unavailable, String productName) {

    public QbVersionNegotiation {
        advertised = List.copyOf(advertised);
        unavailable = List.copyOf(unavailable);
    }

    public static QbVersionNegotiation from(HostRet host) {
        List<String> advertised = host.getSupportedQBXMLVersion();
        Optional<QbVersion> best = advertised.stream()
                .map(QbVersion::tryParse)
                .flatMap(Optional::stream)
                .filter(v -> !v.isAtLeast(next(QbVersion.LATEST_SUPPORTED)))
                .max(Comparator.naturalOrder());
        return of(best, advertised, host.getProductName());
    }

    public static QbVersionNegotiation from(HostQueryRs response) {
        if (!QbStatus.of(response).succeeded() || response.getHostRet() == null) {
            throw new QbXmlException("HostQueryRs carries no host information: " + QbStatus.of(response));
        }
        return from(response.getHostRet());
    }

    /** From the Web Connector's {@code strHCPResponse} (a qbXML response document holding a HostQueryRs). */
    public static QbVersionNegotiation fromHcpResponse(String strHcpResponse) {
        HostQueryRs host = QbXml.findResponse(strHcpResponse, HostQueryRs.class);
        if (host == null) {
            throw new QbXmlException("The host/company/preferences response holds no HostQueryRs");
        }
        return from(host);
    }

    /**
     * From the Web Connector's {@code qbXMLMajorVers}/{@code qbXMLMinorVers} alone, when no host
     * answer is at hand: QuickBooks accepts every version up to that one.
     */
    public static QbVersionNegotiation fromHighest(int major, int minor) {
        QbVersion highest = new QbVersion(major, minor);
        QbVersion chosen = highest.isAtLeast(QbVersion.LATEST_SUPPORTED) ? QbVersion.LATEST_SUPPORTED : highest;
        return of(Optional.of(chosen), List.of(highest.toString()), null);
    }

    public boolean isUsable() {
        return version.isPresent();
    }

    public boolean supports(QbMessage message) {
        return !unavailable.contains(message);
    }

    private static QbVersionNegotiation of(Optional<QbVersion> version, List<String> advertised, String product) {
        List<QbMessage> missing = new ArrayList<>();
        for (QbMessage message : QbMessage.values()) {
            if (version.isEmpty() || !version.get().isAtLeast(message.since())) {
                missing.add(message);
            }
        }
        return new QbVersionNegotiation(version, advertised, missing, product);
    }

    /** The smallest version above the given one: 13.0 -> 13.1. */
    private static QbVersion next(QbVersion version) {
        return new QbVersion(version.major(), version.minor() + 1);
    }
}
