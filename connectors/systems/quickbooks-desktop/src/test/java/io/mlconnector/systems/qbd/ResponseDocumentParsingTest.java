package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.CustomerQueryRs;
import io.mlconnector.systems.qbd.xml.InvoiceQueryRs;
import io.mlconnector.systems.qbd.xml.InvoiceRet;
import io.mlconnector.systems.qbd.xml.ItemQueryRs;
import io.mlconnector.systems.qbd.xml.ItemServiceRet;
import io.mlconnector.systems.qbd.xml.OnError;
import io.mlconnector.systems.qbd.xml.ReceivePaymentAddRs;
import io.mlconnector.systems.qbd.xml.ReceivePaymentRet;
import io.mlconnector.systems.qbd.xml.RsBase;
import io.mlconnector.systems.qbd.xml.TxnDelRs;
import io.mlconnector.systems.qbd.xml.TxnDelType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseDocumentParsingTest {

    /** A batch answer as QuickBooks returns it, including elements our schema does not list. */
    private static final String DOCUMENT = """
            <?xml version="1.0" ?>
            <QBXML>
            <QBXMLMsgsRs>
            <ReceivePaymentAddRs requestID="pay-PM1" statusCode="0" statusSeverity="Info" statusMessage="Status OK">
            <ReceivePaymentRet>
            <TxnID>2F3-1712345678</TxnID>
            <TimeCreated>2024-03-05T10:31:22-08:00</TimeCreated>
            <TimeModified>2024-03-05T10:31:22-08:00</TimeModified>
            <EditSequence>1712345678</EditSequence>
            <TxnNumber>1234</TxnNumber>
            <CustomerRef><ListID>80000001-1234567890</ListID><FullName>Acme Widgets Ltd</FullName></CustomerRef>
            <ARAccountRef><ListID>80000002-1234567890</ListID><FullName>Accounts Receivable</FullName></ARAccountRef>
            <TxnDate>2024-03-05</TxnDate>
            <RefNumber>PM1</RefNumber>
            <TotalAmount>12.50</TotalAmount>
            <PaymentMethodRef><FullName>GoCardless</FullName></PaymentMethodRef>
            <Memo>GoCardless payment | PM1</Memo>
            <DepositToAccountRef><FullName>Undeposited Funds</FullName></DepositToAccountRef>
            <UnusedPayment>0.00</UnusedPayment>
            <UnusedCredits>0.00</UnusedCredits>
            <AppliedToTxnRet>
            <TxnID>1A2B-1234567890</TxnID><TxnType>Invoice</TxnType><TxnDate>2024-02-01</TxnDate><RefNumber>1001</RefNumber>
            <BalanceRemaining>0.00</BalanceRemaining><Amount>12.50</Amount><DiscountAmount>0.00</DiscountAmount>
            </AppliedToTxnRet>
            </ReceivePaymentRet>
            </ReceivePaymentAddRs>
            <VendorQueryRs requestID="v" statusCode="1" statusSeverity="Info" statusMessage="No match"/>
            <InvoiceQueryRs requestID="inv" statusCode="0" statusSeverity="Info" retCount="1">
            <InvoiceRet>
            <TxnID>1A2B-1234567890</TxnID><EditSequence>1711111111</EditSequence><TxnNumber>17</TxnNumber>
            <CustomerRef><ListID>80000001-1234567890</ListID></CustomerRef>
            <TxnDate>2024-02-01</TxnDate><RefNumber>1001</RefNumber>
            <IsPending>false</IsPending><IsFinanceCharge>false</IsFinanceCharge>
            <DueDate>2024-03-01</DueDate><ShipDate>2024-02-01</ShipDate>
            <Subtotal>12.50</Subtotal><SalesTaxPercentage>0.00</SalesTaxPercentage><SalesTaxTotal>0.00</SalesTaxTotal>
            <AppliedAmount>0.00</AppliedAmount><BalanceRemaining>12.50</BalanceRemaining>
            <IsPaid>false</IsPaid><IsToBePrinted>false</IsToBePrinted>
            <InvoiceLineRet><TxnLineID>A1-1</TxnLineID><ItemRef><FullName>Subscription</FullName></ItemRef>
            <Desc>March</Desc><Quantity>1</Quantity><Rate>12.50</Rate><Amount>12.50</Amount></InvoiceLineRet>
            </InvoiceRet>
            </InvoiceQueryRs>
            <ItemQueryRs requestID="items" statusCode="0" statusSeverity="Info">
            <ItemServiceRet><ListID>I1</ListID><Name>Subscription</Name><FullName>Subscription</FullName><IsActive>true</IsActive>
            <SalesOrPurchase><Desc>Monthly</Desc><Price>12.50</Price><AccountRef><FullName>Sales</FullName></AccountRef></SalesOrPurchase></ItemServiceRet>
            <ItemOtherChargeRet><ListID>I2</ListID><Name>Fee</Name></ItemOtherChargeRet>
            </ItemQueryRs>
            <TxnDelRs requestID="del" statusCode="0" statusSeverity="Info">
            <TxnDelType>ReceivePayment</TxnDelType><TxnID>2F3-1712345678</TxnID><TimeDeleted>2024-03-06T09:00:00-08:00</TimeDeleted>
            </TxnDelRs>
            </QBXMLMsgsRs>
            </QBXML>
            """;

    @Test
    void splitsADocumentIntoEveryResponseFragmentInOrder() {
        List<String> fragments = QbXml.responseFragments(DOCUMENT);

        assertEquals(List.of("ReceivePaymentAddRs", "VendorQueryRs", "InvoiceQueryRs", "ItemQueryRs", "TxnDelRs"),
                fragments.stream().map(f -> QbXml.readHeader(f).elementName()).toList());
        assertEquals(List.of("pay-PM1", "v", "inv", "items", "del"),
                fragments.stream().map(f -> QbXml.readHeader(f).requestId()).toList());
    }

    @Test
    void readsTheModelledResponsesAndSkipsTheOthers() {
        List<RsBase> responses = QbXml.parseResponses(DOCUMENT);

        assertEquals(4, responses.size());
        assertInstanceOf(ReceivePaymentAddRs.class, responses.get(0));
        assertInstanceOf(InvoiceQueryRs.class, responses.get(1));
        assertInstanceOf(ItemQueryRs.class, responses.get(2));
        assertInstanceOf(TxnDelRs.class, responses.get(3));
    }

    @Test
    void readsTheFieldsPluginsNeedDespiteExtraElements() {
        ReceivePaymentRet payment = QbXml.findResponse(DOCUMENT, ReceivePaymentAddRs.class).getReceivePaymentRet();
        InvoiceRet invoice = QbXml.findResponse(DOCUMENT, InvoiceQueryRs.class).getInvoiceRet().get(0);

        assertEquals("2F3-1712345678", payment.getTxnID());
        assertEquals("1712345678", payment.getEditSequence());
        assertEquals("12.50", payment.getTotalAmount());
        assertEquals("1A2B-1234567890", payment.getAppliedToTxnRet().get(0).getTxnID());
        assertEquals("Invoice", payment.getAppliedToTxnRet().get(0).getTxnType());
        assertEquals("12.50", invoice.getBalanceRemaining());
        assertEquals(Boolean.FALSE, invoice.isIsPaid());
        assertEquals("A1-1", invoice.getInvoiceLineRet().get(0).getTxnLineID());
    }

    @Test
    void genericItemQueryKeepsEachItemKind() {
        ItemQueryRs items = QbXml.findResponse(DOCUMENT, ItemQueryRs.class);

        assertEquals(2, items.getItems().size());
        assertInstanceOf(ItemServiceRet.class, items.getItems().get(0));
        assertEquals("Fee", items.getItems().get(1).getName());
    }

    @Test
    void aWholeRequestDocumentFromBuiltFragmentsValidates() {
        String doc = QbXml.requestDocument("13.0", OnError.CONTINUE_ON_ERROR, List.of(
                QbXml.toFragment(QbRequests.customerQuery("c").fullNames("Acme Widgets Ltd").build()),
                QbXml.toFragment(QbRequests.invoiceQuery("i").customerListId("8-1").unpaidOnly().build()),
                QbXml.toFragment(QbRequests.txnDel("d", TxnDelType.RECEIVE_PAYMENT, "2F3-1712345678"))));

        QbSchema.validate(doc);
        assertTrue(doc.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><?qbxml version=\"13.0\"?><QBXML>"));
        assertEquals(List.of("CustomerQueryRq", "InvoiceQueryRq", "TxnDelRq"), XmlProbe.childNames(doc, "QBXMLMsgsRq"));
    }

    @Test
    void refusesDocumentsWithADoctype() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\"><CustomerRet><Name>&e;</Name></CustomerRet></CustomerQueryRs>";

        assertThrows(QbXmlException.class, () -> QbXml.parseResponse(hostile, CustomerQueryRs.class));
    }

    @Test
    void refusesSomethingThatIsNotQbXml() {
        assertThrows(QbXmlException.class, () -> QbXml.responseFragments("<html><body/></html>"));
        assertThrows(QbXmlException.class, () -> QbXml.parseResponse("<CustomerQueryRs statusCode=\"0\""));
        assertThrows(QbXmlException.class, () -> QbXml.parseResponse("<FooRs statusCode=\"0\" statusSeverity=\"Info\"/>"));
    }
}
