package io.mlconnector.platform.qbwc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The platform's only qbXML knowledge: request elements, the message envelope, response splitting, versions. */
class QbxmlTest {

    @Test
    void aQueuedRequestGetsThePlatformsRequestIdAndKeepsEverythingElse() {
        RequestFragment fragment = RequestFragment.prepare("<?xml version=\"1.0\"?>\n<!-- ours -->\n"
                + "<CustomerQueryRq requestID=\"plugin-chose-this\" iterator=\"Start\"><MaxReturned>100</MaxReturned>"
                + "<NameFilter><MatchCriterion>StartsWith</MatchCriterion><Name>A &amp; B &lt;Ltd&gt;</Name></NameFilter></CustomerQueryRq>",
                "42", 10_000);

        assertEquals("CustomerQueryRq", fragment.type());
        Element rq = Dom.parse(fragment.xml());
        assertEquals("42", rq.getAttribute("requestID"));
        assertEquals("Start", rq.getAttribute("iterator"));
        assertEquals("100", Dom.text(rq, "MaxReturned"));
        assertEquals("A & B <Ltd>", Dom.text(rq, "NameFilter/Name"));
    }

    @Test
    void anythingButOneRequestElementIsRefusedWhenQueued() {
        for (String bad : List.of("", "<CustomerQueryRq>", "<CustomerQueryRq/><InvoiceQueryRq/>", "text<CustomerQueryRq/>",
                "<Customer/>", "<q:CustomerQueryRq xmlns:q=\"urn:x\"/>",
                "<!DOCTYPE CustomerQueryRq [<!ENTITY e \"boom\">]><CustomerQueryRq>&e;</CustomerQueryRq>")) {
            assertThrows(IllegalArgumentException.class, () -> RequestFragment.prepare(bad, "1", 10_000), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> RequestFragment.prepare("<HostQueryRq/>", "1", 5));
    }

    @Test
    void theMessageCarriesTheVersionTheErrorModeAndTheRequestsInOrder() {
        String message = QbxmlMessage.compose("12.0", QbxmlMessage.OnError.CONTINUE,
                List.of(RequestFragment.prepare("<HostQueryRq/>", "1", 100).xml(),
                        RequestFragment.prepare("<CompanyQueryRq/>", "2", 100).xml()));

        assertEquals("version=\"12.0\"", Dom.processingInstructionData(message, "qbxml"));
        Element msgs = Dom.child(Dom.parse(message), "QBXMLMsgsRq");
        assertEquals("continueOnError", msgs.getAttribute("onError"));
        assertEquals(List.of("1", "2"), Dom.requestIds(message));
        assertEquals("stopOnError", Dom.child(Dom.parse(QbxmlMessage.compose("13.0", QbxmlMessage.OnError.STOP, List.of())),
                "QBXMLMsgsRq").getAttribute("onError"));
    }

    @Test
    void aResponseIsSplitByRequestIdWithTheFirstQuickBooksIdOfItsRet() {
        String response = "<?xml version=\"1.0\" ?><QBXML><QBXMLMsgsRs>"
                + "<ReceivePaymentAddRs requestID=\"7\" statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"Status OK\">"
                + "<ReceivePaymentRet><TxnID>1A-123</TxnID><CustomerRef><ListID>80-1</ListID></CustomerRef>"
                + "<Memo>a &amp; b</Memo></ReceivePaymentRet></ReceivePaymentAddRs>"
                + "<CustomerQueryRs requestID=\"8\" statusCode=\"1\" statusSeverity=\"Info\" statusMessage=\"No match\"/>"
                + "<CustomerAddRs requestID=\"9\" statusCode=\"3100\" statusSeverity=\"Error\" statusMessage=\"in use\"/>"
                + "<InvoiceQueryRs requestID=\"10\" statusCode=\"0\" statusSeverity=\"Info\"><InvoiceRet>"
                + "<CustomerRef><ListID>80-2</ListID></CustomerRef></InvoiceRet></InvoiceQueryRs>"
                + "</QBXMLMsgsRs></QBXML>";

        List<QbxmlResponses.Part> parts = QbxmlResponses.split(response);

        assertEquals(List.of("7", "8", "9", "10"), parts.stream().map(QbxmlResponses.Part::requestId).toList());
        assertEquals("1A-123", parts.get(0).quickBooksId());
        assertEquals(0, parts.get(0).statusCode());
        assertEquals("a & b", Dom.text(Dom.parse(parts.get(0).xml()), "ReceivePaymentRet/Memo"));
        assertEquals("ReceivePaymentAddRs", Dom.parse(parts.get(0).xml()).getLocalName());
        assertEquals(1, parts.get(1).statusCode());
        assertNull(parts.get(1).quickBooksId());
        assertEquals("Error", parts.get(2).severity());
        assertEquals(3100, parts.get(2).statusCode());
        // A ListID nested in a reference is not the object's own id.
        assertNull(parts.get(3).quickBooksId());
    }

    @Test
    void aResponseThatIsNotQbxmlIsRefused() {
        for (String bad : List.of("", "not xml", "<html><body/></html>", "<QBXML><QBXMLMsgsRs>")) {
            assertThrows(IllegalArgumentException.class, () -> QbxmlResponses.split(bad), bad);
        }
    }

    @Test
    void theVersionIsTheHighestQuickBooksSupportsUpToOurs() {
        String host = "<?xml version=\"1.0\" ?><QBXML><QBXMLMsgsRs><HostQueryRs statusCode=\"0\"><HostRet>"
                + "<SupportedQBXMLVersion>CA3.0</SupportedQBXMLVersion><SupportedQBXMLVersion>2.0</SupportedQBXMLVersion>"
                + "<SupportedQBXMLVersion>11.0</SupportedQBXMLVersion><SupportedQBXMLVersion>12.0</SupportedQBXMLVersion>"
                + "</HostRet></HostQueryRs></QBXMLMsgsRs></QBXML>";
        String newer = host.replace("<SupportedQBXMLVersion>12.0", "<SupportedQBXMLVersion>14.0</SupportedQBXMLVersion>"
                + "<SupportedQBXMLVersion>13.0");

        assertEquals(Optional.of("12.0"), HostCapabilities.negotiate("13.0", host, "12", "0"));
        assertEquals(Optional.of("13.0"), HostCapabilities.negotiate("13.0", newer, "14", "0"));
        assertEquals(Optional.of("10.0"), HostCapabilities.negotiate("13.0", "", "10", "0"));
        assertEquals(Optional.of("13.0"), HostCapabilities.negotiate("13.0", null, "16", "0"));
        assertEquals(Optional.empty(), HostCapabilities.negotiate("13.0", "<broken", null, null));
        assertTrue(HostCapabilities.supportedVersions(host).contains("CA3.0"));
    }
}
