package io.mlconnector.testkit.qbd;

import static io.mlconnector.testkit.qbd.QbXmlDocs.stopOnError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** QuickBooks refuses a whole request document whose elements break the qbXML 13.0 schema. */
class SimulatedCompanyFileSchemaTest {

    private final SimulatedCompanyFile qb = SimulatedCompanyFile.create();

    private QbXmlParseException rejected(String document) {
        QbXmlParseException e = assertThrows(QbXmlParseException.class, () -> qb.process(document));
        return e;
    }

    private void assertParseError(String document) {
        QbXmlParseException e = rejected(document);
        assertEquals("0x80040400", e.hresult());
        assertEquals("QuickBooks found an error when parsing the provided XML text stream.", e.getMessage());
    }

    @Test
    void elementsOutOfSchemaOrderAreRejected() {
        assertParseError(stopOnError("<CustomerAddRq><CustomerAdd><FirstName>Jane</FirstName><Name>Jane Doe</Name>"
                + "</CustomerAdd></CustomerAddRq>"));
        assertEquals(0, qb.customers().size());
    }

    @Test
    void theSameElementsInSchemaOrderAreAccepted() throws Exception {
        String response = qb.process(stopOnError("<CustomerAddRq><CustomerAdd><Name>Jane Doe</Name>"
                + "<FirstName>Jane</FirstName></CustomerAdd></CustomerAddRq>"));

        assertEquals("0", QbXmlDocs.only(response).getAttribute("statusCode"));
    }

    @Test
    void anUnknownElementIsRejected() {
        assertParseError(stopOnError("<CustomerAddRq><CustomerAdd><Name>Jane Doe</Name><Nickname>JD</Nickname>"
                + "</CustomerAdd></CustomerAddRq>"));
    }

    @Test
    void aPaymentWithNeitherIsAutoApplyNorAppliedToTxnAddIsRejected() {
        qb.addCustomer("Jane Doe");

        assertParseError(stopOnError("<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>Jane Doe"
                + "</FullName></CustomerRef><TotalAmount>10.00</TotalAmount></ReceivePaymentAdd></ReceivePaymentAddRq>"));
    }

    @Test
    void aPaymentWhoseMemoComesAfterTheApplicationsIsRejected() {
        qb.addCustomer("Jane Doe");
        QbInvoice invoice = qb.addOpenInvoice("Jane Doe", "1001", "50.00");

        assertParseError(stopOnError("<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>Jane Doe"
                + "</FullName></CustomerRef><TotalAmount>50.00</TotalAmount><AppliedToTxnAdd><TxnID>"
                + invoice.txnId() + "</TxnID><PaymentAmount>50.00</PaymentAmount></AppliedToTxnAdd><Memo>late</Memo>"
                + "</ReceivePaymentAdd></ReceivePaymentAddRq>"));
        assertEquals("50.00", qb.invoice(invoice.txnId()).orElseThrow().balanceRemaining());
    }

    @Test
    void oneBadRequestRejectsTheWholeDocumentBeforeAnythingIsApplied() {
        assertParseError(stopOnError(
                "<CustomerAddRq><CustomerAdd><Name>First</Name></CustomerAdd></CustomerAddRq>",
                "<CustomerAddRq><CustomerAdd><Email>x@example.com</Email><Name>Second</Name></CustomerAdd>"
                        + "</CustomerAddRq>"));

        assertEquals(0, qb.customers().size());
    }

    @Test
    void anIteratorOnAQueryThatHasNoneIsRejected() {
        assertParseError(stopOnError("<AccountQueryRq iterator=\"Start\"><MaxReturned>10</MaxReturned>"
                + "</AccountQueryRq>"));
    }

    @Test
    void amountsWithMoreThanTwoDecimalsAreRejected() {
        qb.addCustomer("Jane Doe");

        assertParseError(stopOnError("<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>Jane Doe"
                + "</FullName></CustomerRef><TotalAmount>10.005</TotalAmount><IsAutoApply>false</IsAutoApply>"
                + "</ReceivePaymentAdd></ReceivePaymentAddRq>"));
    }

    @Test
    void documentsWithoutOnErrorOrQbxmlVersionOrWellFormednessAreRejected() {
        assertParseError("<?xml version=\"1.0\"?><?qbxml version=\"13.0\"?><QBXML><QBXMLMsgsRq>"
                + "<HostQueryRq/></QBXMLMsgsRq></QBXML>");
        assertParseError("<?xml version=\"1.0\"?><QBXML><QBXMLMsgsRq onError=\"stopOnError\"><HostQueryRq/>"
                + "</QBXMLMsgsRq></QBXML>");
        assertParseError(stopOnError("<HostQueryRq>"));
    }

    @Test
    void aVersionThisQuickBooksDoesNotSupportIsRefusedWithItsOwnHresult() {
        QbXmlParseException e = rejected(stopOnError("<HostQueryRq/>").replace("13.0", "16.0"));

        assertEquals("0x80040423", e.hresult());
        assertTrue(e.detail().contains("16.0"));
    }

    @Test
    void unsupportedMessagesAreRejectedLikeUnknownElements() {
        QbXmlParseException e = rejected(stopOnError("<BillAddRq><BillAdd/></BillAddRq>"));

        assertEquals("0x80040400", e.hresult());
        assertTrue(e.detail().contains("BillAddRq"), e.detail());
    }
}
