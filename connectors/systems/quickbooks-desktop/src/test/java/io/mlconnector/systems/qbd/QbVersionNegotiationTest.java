package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.HostQueryRs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QbVersionNegotiationTest {

    /** What the Web Connector passes as strHCPResponse: host, company and preferences answers. */
    private static final String HCP_RESPONSE = """
            <?xml version="1.0" ?>
            <QBXML>
            <QBXMLMsgsRs>
            <HostQueryRs requestID="0" statusCode="0" statusSeverity="Info" statusMessage="Status OK">
            <HostRet>
            <ProductName>QuickBooks Desktop Pro 2024</ProductName>
            <MajorVersion>34</MajorVersion>
            <MinorVersion>0</MinorVersion>
            <Country>US</Country>
            <SupportedQBXMLVersion>1.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>1.1</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>2.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>2.1</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>3.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>4.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>4.1</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>5.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>6.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>7.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>8.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>9.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>10.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>11.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>12.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>13.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>14.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>15.0</SupportedQBXMLVersion>
            <SupportedQBXMLVersion>16.0</SupportedQBXMLVersion>
            <IsAutomaticLogin>false</IsAutomaticLogin>
            <QBFileMode>SingleUser</QBFileMode>
            </HostRet>
            </HostQueryRs>
            <CompanyQueryRs requestID="1" statusCode="0" statusSeverity="Info" statusMessage="Status OK">
            <CompanyRet>
            <IsSampleCompany>false</IsSampleCompany>
            <CompanyName>Acme Widgets Ltd</CompanyName>
            <LegalCompanyName>Acme Widgets Ltd</LegalCompanyName>
            <Address><Addr1>1 High Street</Addr1><City>Leeds</City></Address>
            <FirstMonthFiscalYear>January</FirstMonthFiscalYear>
            <SubscribedServices><Service><Name>QuickBooks Online Banking</Name><Domain>banking.qb</Domain><ServiceStatus>Active</ServiceStatus></Service></SubscribedServices>
            </CompanyRet>
            </CompanyQueryRs>
            <PreferencesQueryRs requestID="2" statusCode="0" statusSeverity="Info" statusMessage="Status OK">
            <PreferencesRet>
            <AccountingPreferences><IsUsingAccountNumbers>false</IsUsingAccountNumbers></AccountingPreferences>
            <MultiCurrencyPreferences><IsMultiCurrencyOn>false</IsMultiCurrencyOn></MultiCurrencyPreferences>
            </PreferencesRet>
            </PreferencesQueryRs>
            </QBXMLMsgsRs>
            </QBXML>
            """;

    @Test
    void speaksThirteenWithAHostThatOffersNewerVersions() {
        QbVersionNegotiation negotiation = QbVersionNegotiation.fromHcpResponse(HCP_RESPONSE);

        assertEquals(new QbVersion(13, 0), negotiation.version().orElseThrow());
        assertEquals("13.0", negotiation.version().orElseThrow().toString());
        assertTrue(negotiation.unavailable().isEmpty());
        assertEquals("QuickBooks Desktop Pro 2024", negotiation.productName());
        assertEquals(19, negotiation.advertised().size());
    }

    @Test
    void picksTheHighestOlderVersionAndNamesWhatItLacks() {
        String host = """
                <HostQueryRs requestID="h" statusCode="0" statusSeverity="Info">
                <HostRet><ProductName>QuickBooks Pro 2005</ProductName><MajorVersion>15</MajorVersion><Country>CA</Country>
                <SupportedQBXMLVersion>CA2.0</SupportedQBXMLVersion><SupportedQBXMLVersion>1.1</SupportedQBXMLVersion>
                <SupportedQBXMLVersion>4.1</SupportedQBXMLVersion><SupportedQBXMLVersion>2.0</SupportedQBXMLVersion>
                <SupportedQBXMLVersion>4.0</SupportedQBXMLVersion><SupportedQBXMLVersion>3.0</SupportedQBXMLVersion></HostRet>
                </HostQueryRs>""";

        QbVersionNegotiation negotiation = QbVersionNegotiation.from(QbXml.parseResponse(host, HostQueryRs.class));

        assertEquals(new QbVersion(4, 1), negotiation.version().orElseThrow());
        assertEquals(List.of(QbMessage.AR_REFUND_CREDIT_CARD_QUERY, QbMessage.AR_REFUND_CREDIT_CARD_ADD),
                negotiation.unavailable());
        assertTrue(negotiation.supports(QbMessage.RECEIVE_PAYMENT_ADD));
        assertFalse(negotiation.supports(QbMessage.AR_REFUND_CREDIT_CARD_ADD));
    }

    @Test
    void ordersVersionsNumericallyNotAsText() {
        String host = "<HostQueryRs statusCode=\"0\" statusSeverity=\"Info\"><HostRet>"
                + "<SupportedQBXMLVersion>9.0</SupportedQBXMLVersion><SupportedQBXMLVersion>10.0</SupportedQBXMLVersion>"
                + "<SupportedQBXMLVersion>2.1</SupportedQBXMLVersion></HostRet></HostQueryRs>";

        assertEquals(new QbVersion(10, 0), QbVersionNegotiation.from(QbXml.parseResponse(host, HostQueryRs.class))
                .version().orElseThrow());
    }

    @Test
    void reportsNothingUsableWhenOnlyRegionalSpecificationsAreOffered() {
        String host = "<HostQueryRs statusCode=\"0\" statusSeverity=\"Info\"><HostRet>"
                + "<SupportedQBXMLVersion>CA3.0</SupportedQBXMLVersion></HostRet></HostQueryRs>";

        QbVersionNegotiation negotiation = QbVersionNegotiation.from(QbXml.parseResponse(host, HostQueryRs.class));

        assertFalse(negotiation.isUsable());
        assertEquals(QbMessage.values().length, negotiation.unavailable().size());
    }

    @Test
    void usesTheWebConnectorsMajorAndMinorWhenThatIsAllThereIs() {
        assertEquals(new QbVersion(13, 0), QbVersionNegotiation.fromHighest(16, 0).version().orElseThrow());
        QbVersionNegotiation old = QbVersionNegotiation.fromHighest(3, 0);
        assertEquals(new QbVersion(3, 0), old.version().orElseThrow());
        assertTrue(old.supports(QbMessage.INVOICE_MOD));
        assertFalse(old.supports(QbMessage.AR_REFUND_CREDIT_CARD_ADD));
    }

    @Test
    void refusesAHostAnswerThatFailed() {
        HostQueryRs failed = QbXml.parseResponse(
                "<HostQueryRs statusCode=\"1000\" statusSeverity=\"Error\" statusMessage=\"Internal error\"/>", HostQueryRs.class);

        assertThrows(QbXmlException.class, () -> QbVersionNegotiation.from(failed));
    }

    @Test
    void refusesAnHcpResponseWithoutHost() {
        assertThrows(QbXmlException.class, () -> QbVersionNegotiation.fromHcpResponse(
                "<QBXML><QBXMLMsgsRs><CompanyQueryRs statusCode=\"0\" statusSeverity=\"Info\"/></QBXMLMsgsRs></QBXML>"));
    }
}
