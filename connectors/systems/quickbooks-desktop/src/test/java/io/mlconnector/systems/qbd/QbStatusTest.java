package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.QbStatus.Disposition;
import io.mlconnector.systems.qbd.QbStatus.Severity;
import io.mlconnector.systems.qbd.xml.CustomerModRs;
import io.mlconnector.systems.qbd.xml.CustomerQueryRs;
import io.mlconnector.systems.qbd.xml.ReceivePaymentAddRs;
import io.mlconnector.systems.qbd.xml.RsBase;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Response fragments as QuickBooks writes them, read into status meanings. */
class QbStatusTest {

    private static QbStatus statusOf(String fragment) {
        RsBase response = QbXml.parseResponse(fragment);
        return QbStatus.of(response);
    }

    @Test
    void staleEditSequenceMeansRequeryThenRetry() {
        QbStatus status = statusOf("<CustomerModRs requestID=\"mod-1\" statusCode=\"3200\" statusSeverity=\"Error\" "
                + "statusMessage=\"The provided edit sequence &quot;1712345678&quot; is out-of-date.\"/>");

        assertTrue(status.isStaleEditSequence());
        assertTrue(status.isError());
        assertEquals(Disposition.REQUERY_THEN_RETRY, status.disposition());
        assertEquals("The provided edit sequence \"1712345678\" is out-of-date.", status.message());
    }

    @Test
    void objectNotFoundIsAnErrorToPark() {
        QbStatus status = statusOf("<ReceivePaymentAddRs requestID=\"p\" statusCode=\"3120\" statusSeverity=\"Error\" "
                + "statusMessage=\"Object &quot;80000099-1234567890&quot; specified in the request cannot be found.\"/>");

        assertTrue(status.isNotFound());
        assertFalse(status.succeeded());
        assertEquals(Disposition.PARK, status.disposition());
    }

    @Test
    void noMatchIsASuccessfulEmptyAnswer() {
        String fragment = "<CustomerQueryRs requestID=\"q\" statusCode=\"1\" statusSeverity=\"Info\" "
                + "statusMessage=\"A query request did not find a matching object in QuickBooks\"/>";
        CustomerQueryRs response = QbXml.parseResponse(fragment, CustomerQueryRs.class);
        QbStatus status = QbStatus.of(response);

        assertTrue(status.isNoMatch());
        assertTrue(status.succeeded());
        assertFalse(status.isError());
        assertEquals(Disposition.PROCEED, status.disposition());
        assertTrue(response.getCustomerRet().isEmpty());
    }

    @Test
    void warningStillCarriesTheResult() {
        String fragment = "<CustomerQueryRs requestID=\"q\" statusCode=\"500\" statusSeverity=\"Warn\" "
                + "statusMessage=\"The query request has not been fully completed.\">"
                + "<CustomerRet><ListID>80000001-1234567890</ListID><Name>Acme</Name></CustomerRet></CustomerQueryRs>";
        CustomerQueryRs response = QbXml.parseResponse(fragment, CustomerQueryRs.class);
        QbStatus status = QbStatus.of(response);

        assertTrue(status.isWarning());
        assertEquals(Severity.WARN, status.severity());
        assertTrue(status.succeeded());
        assertEquals(Disposition.PROCEED, status.disposition());
        assertEquals("Acme", response.getCustomerRet().get(0).getName());
    }

    @Test
    void okIsOk() {
        QbStatus status = statusOf("<ReceivePaymentAddRs requestID=\"p\" statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"Status OK\">"
                + "<ReceivePaymentRet><TxnID>1A2B-1</TxnID></ReceivePaymentRet></ReceivePaymentAddRs>");

        assertTrue(status.isOk());
        assertEquals(Disposition.PROCEED, status.disposition());
    }

    @Test
    void nameInUseIsRecognised() {
        QbStatus status = statusOf("<CustomerAddRs statusCode=\"3100\" statusSeverity=\"Error\" "
                + "statusMessage=\"The name &quot;Acme&quot; of the list element is already in use.\"/>");

        assertTrue(status.isNameInUse());
        assertEquals(Disposition.PARK, status.disposition());
    }

    @Test
    void recordInUseAndInternalErrorsAreWorthRetrying() {
        assertEquals(Disposition.RETRY_LATER, statusOf("<InvoiceModRs statusCode=\"3170\" statusSeverity=\"Error\"/>").disposition());
        assertEquals(Disposition.RETRY_LATER, statusOf("<InvoiceModRs statusCode=\"1000\" statusSeverity=\"Error\"/>").disposition());
    }

    @Test
    void anErrorCodeIsAnErrorWhateverTheSeverityWord() {
        QbStatus status = statusOf("<CustomerModRs statusCode=\"3120\" statusSeverity=\"Info\"/>");

        assertFalse(status.succeeded());
        assertEquals(Disposition.PARK, status.disposition());
    }

    @Test
    void aResponseWithoutStatusCodeIsNeverTakenForSuccess() {
        assertThrows(QbXmlException.class, () -> QbXml.parseResponse("<CustomerModRs statusSeverity=\"Info\"/>"));
        assertThrows(QbXmlException.class, () -> QbXml.readHeader("<CustomerModRs statusCode=\"OK\" statusSeverity=\"Info\"/>"));
    }

    @Test
    void headerRoutesByRequestIdEvenForMessagesWeDoNotModel() {
        QbResponseHeader header = QbXml.readHeader("<VendorAddRs requestID=\"v-9\" statusCode=\"3100\" statusSeverity=\"Error\"/>");

        assertEquals("VendorAddRs", header.elementName());
        assertEquals("v-9", header.requestId());
        assertTrue(header.status().isNameInUse());
    }

    @Test
    void parsesTheTypedResponseItWasAskedFor() {
        String fragment = "<CustomerModRs requestID=\"m\" statusCode=\"0\" statusSeverity=\"Info\">"
                + "<CustomerRet><ListID>8-1</ListID><EditSequence>1712345679</EditSequence></CustomerRet></CustomerModRs>";

        assertEquals("1712345679", QbXml.parseResponse(fragment, CustomerModRs.class).getCustomerRet().getEditSequence());
        assertThrows(QbXmlException.class, () -> QbXml.parseResponse(fragment, ReceivePaymentAddRs.class));
    }
}
