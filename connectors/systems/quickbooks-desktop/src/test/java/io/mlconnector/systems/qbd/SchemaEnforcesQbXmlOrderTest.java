package io.mlconnector.systems.qbd;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our schema must accept requests written in QuickBooks' element order and refuse the same
 * requests with two elements swapped — the mistake QuickBooks itself rejects.
 */
class SchemaEnforcesQbXmlOrderTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // ReceivePaymentAdd in qbXML order, with an applied invoice and a credit.
            "<ReceivePaymentAddRq requestID=\"r1\"><ReceivePaymentAdd>"
                    + "<CustomerRef><ListID>80000001-1234567890</ListID></CustomerRef>"
                    + "<ARAccountRef><FullName>Accounts Receivable</FullName></ARAccountRef>"
                    + "<TxnDate>2024-03-05</TxnDate><RefNumber>PM0012ABCDEF</RefNumber><TotalAmount>12.50</TotalAmount>"
                    + "<PaymentMethodRef><FullName>GoCardless</FullName></PaymentMethodRef><Memo>m</Memo>"
                    + "<DepositToAccountRef><FullName>Undeposited Funds</FullName></DepositToAccountRef>"
                    + "<AppliedToTxnAdd><TxnID>1A2B-1234567890</TxnID><PaymentAmount>12.50</PaymentAmount>"
                    + "<SetCredit><CreditTxnID>1A2C-1234567890</CreditTxnID><AppliedAmount>1.00</AppliedAmount></SetCredit>"
                    + "</AppliedToTxnAdd></ReceivePaymentAdd><IncludeRetElement>TxnID</IncludeRetElement></ReceivePaymentAddRq>",
            // Customer list query by filter, iterator attributes on the request.
            "<CustomerQueryRq requestID=\"q\" iterator=\"Start\"><MaxReturned>100</MaxReturned><ActiveStatus>All</ActiveStatus>"
                    + "<FromModifiedDate>2024-01-01T00:00:00+00:00</FromModifiedDate>"
                    + "<NameFilter><MatchCriterion>StartsWith</MatchCriterion><Name>Acme</Name></NameFilter>"
                    + "<IncludeRetElement>ListID</IncludeRetElement></CustomerQueryRq>",
            // Invoice query: filters, then paid status, then the include flags.
            "<InvoiceQueryRq requestID=\"i\"><MaxReturned>10</MaxReturned>"
                    + "<ModifiedDateRangeFilter><FromModifiedDate>2024-01-01</FromModifiedDate></ModifiedDateRangeFilter>"
                    + "<EntityFilter><ListID>80000001-1234567890</ListID></EntityFilter>"
                    + "<RefNumberFilter><MatchCriterion>StartsWith</MatchCriterion><RefNumber>10</RefNumber></RefNumberFilter>"
                    + "<PaidStatus>NotPaidOnly</PaidStatus><IncludeLineItems>true</IncludeLineItems>"
                    + "<IncludeLinkedTxns>true</IncludeLinkedTxns></InvoiceQueryRq>",
            // Deposit: one payment line and one negative fee line.
            "<DepositAddRq requestID=\"d\"><DepositAdd><TxnDate>2024-03-08</TxnDate>"
                    + "<DepositToAccountRef><FullName>Bank</FullName></DepositToAccountRef><Memo>payout</Memo>"
                    + "<DepositLineAdd><PaymentTxnID>1A2B-1</PaymentTxnID><OverrideMemo>x</OverrideMemo></DepositLineAdd>"
                    + "<DepositLineAdd><AccountRef><FullName>Fees</FullName></AccountRef><Memo>fee</Memo><Amount>-0.35</Amount></DepositLineAdd>"
                    + "</DepositAdd></DepositAddRq>",
            "<TxnDelRq requestID=\"x\"><TxnDelType>ReceivePayment</TxnDelType><TxnID>1A2B-1</TxnID></TxnDelRq>",
            "<ARRefundCreditCardAddRq requestID=\"rf\"><ARRefundCreditCardAdd><CustomerRef><ListID>8-1</ListID></CustomerRef>"
                    + "<RefundFromAccountRef><FullName>Stripe Clearing</FullName></RefundFromAccountRef><TxnDate>2024-03-09</TxnDate>"
                    + "<RefNumber>re_3AbCdEf</RefNumber><PaymentMethodRef><FullName>Stripe</FullName></PaymentMethodRef><Memo>m</Memo>"
                    + "<RefundAppliedToTxnAdd><TxnID>CM-1</TxnID><RefundAmount>5.00</RefundAmount></RefundAppliedToTxnAdd>"
                    + "</ARRefundCreditCardAdd></ARRefundCreditCardAddRq>",
            "<CreditMemoAddRq requestID=\"cm\"><CreditMemoAdd><CustomerRef><ListID>8-1</ListID></CustomerRef>"
                    + "<TxnDate>2024-03-09</TxnDate><RefNumber>CM1</RefNumber><Memo>m</Memo>"
                    + "<CreditMemoLineAdd><ItemRef><FullName>Refunds</FullName></ItemRef><Desc>d</Desc><Amount>5.00</Amount></CreditMemoLineAdd>"
                    + "</CreditMemoAdd></CreditMemoAddRq>",
            "<CustomerModRq requestID=\"cu\"><CustomerMod><ListID>8-1</ListID><EditSequence>1712345678</EditSequence>"
                    + "<Name>Acme Ltd</Name><CompanyName>Acme</CompanyName><FirstName>Ann</FirstName><LastName>Lee</LastName>"
                    + "<BillAddress><Addr1>1 High St</Addr1><City>Leeds</City><PostalCode>LS1 1AA</PostalCode></BillAddress>"
                    + "<Phone>0113</Phone><Email>a@acme.test</Email><AccountNumber>CU123</AccountNumber><Notes>n</Notes></CustomerMod></CustomerModRq>",
            "<InvoiceModRq requestID=\"im\"><InvoiceMod><TxnID>I-1</TxnID><EditSequence>17</EditSequence><TxnDate>2024-03-01</TxnDate>"
                    + "<Memo>m</Memo><InvoiceLineMod><TxnLineID>-1</TxnLineID><ItemRef><FullName>Svc</FullName></ItemRef>"
                    + "<Quantity>1</Quantity><Rate>10.00</Rate><Amount>10.00</Amount></InvoiceLineMod></InvoiceMod></InvoiceModRq>",
            "<AccountQueryRq requestID=\"a\"><ActiveStatus>ActiveOnly</ActiveStatus><AccountType>Bank</AccountType>"
                    + "<AccountType>Expense</AccountType></AccountQueryRq>",
            "<ItemQueryRq requestID=\"it\"><FullName>Consulting</FullName><IncludeRetElement>ListID</IncludeRetElement></ItemQueryRq>",
            "<PaymentMethodAddRq requestID=\"pm\"><PaymentMethodAdd><Name>GoCardless</Name><IsActive>true</IsActive>"
                    + "<PaymentMethodType>ECheck</PaymentMethodType></PaymentMethodAdd></PaymentMethodAddRq>",
            "<HostQueryRq requestID=\"h\"/>",
            "<CompanyQueryRq requestID=\"c\"><IncludeRetElement>CompanyName</IncludeRetElement></CompanyQueryRq>"
    })
    void acceptsRequestsInQuickBooksOrder(String fragment) {
        assertDoesNotThrow(() -> QbSchema.validate(fragment));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Memo before RefNumber.
            "<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><ListID>8-1</ListID></CustomerRef>"
                    + "<Memo>m</Memo><RefNumber>PM1</RefNumber><IsAutoApply>true</IsAutoApply></ReceivePaymentAdd></ReceivePaymentAddRq>",
            // TxnDate before CustomerRef.
            "<ReceivePaymentAddRq><ReceivePaymentAdd><TxnDate>2024-03-05</TxnDate><CustomerRef><ListID>8-1</ListID></CustomerRef>"
                    + "<IsAutoApply>true</IsAutoApply></ReceivePaymentAdd></ReceivePaymentAddRq>",
            // Neither IsAutoApply nor AppliedToTxnAdd.
            "<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><ListID>8-1</ListID></CustomerRef>"
                    + "<TotalAmount>1.00</TotalAmount></ReceivePaymentAdd></ReceivePaymentAddRq>",
            // PaidStatus before EntityFilter.
            "<InvoiceQueryRq><PaidStatus>NotPaidOnly</PaidStatus><EntityFilter><ListID>8-1</ListID></EntityFilter></InvoiceQueryRq>",
            // TxnID together with a filter (QuickBooks selects one way only).
            "<InvoiceQueryRq><TxnID>I-1</TxnID><MaxReturned>5</MaxReturned></InvoiceQueryRq>",
            // DepositToAccountRef before TxnDate.
            "<DepositAddRq><DepositAdd><DepositToAccountRef><FullName>Bank</FullName></DepositToAccountRef>"
                    + "<TxnDate>2024-03-08</TxnDate></DepositAdd></DepositAddRq>",
            // A deposit line mixing a payment with an account amount.
            "<DepositAddRq><DepositAdd><DepositToAccountRef><FullName>Bank</FullName></DepositToAccountRef>"
                    + "<DepositLineAdd><PaymentTxnID>1</PaymentTxnID><AccountRef><FullName>Fees</FullName></AccountRef></DepositLineAdd>"
                    + "</DepositAdd></DepositAddRq>",
            // TxnID before TxnDelType.
            "<TxnDelRq><TxnID>1</TxnID><TxnDelType>ReceivePayment</TxnDelType></TxnDelRq>",
            // EditSequence before ListID.
            "<CustomerModRq><CustomerMod><EditSequence>1</EditSequence><ListID>8-1</ListID></CustomerMod></CustomerModRq>",
            // FromModifiedDate before MaxReturned in a list filter.
            "<CustomerQueryRq><FromModifiedDate>2024-01-01</FromModifiedDate><MaxReturned>5</MaxReturned></CustomerQueryRq>",
            // A refund without the credit it draws on.
            "<ARRefundCreditCardAddRq><ARRefundCreditCardAdd><CustomerRef><ListID>8-1</ListID></CustomerRef>"
                    + "</ARRefundCreditCardAdd></ARRefundCreditCardAddRq>"
    })
    void refusesRequestsQuickBooksWouldReject(String fragment) {
        assertThrows(QbXmlException.class, () -> QbSchema.validate(fragment));
    }

    @Test
    void refusesValuesBeyondQuickBooksLimits() {
        String tooLongRef = "<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><ListID>8-1</ListID></CustomerRef>"
                + "<RefNumber>123456789012345678901</RefNumber><IsAutoApply>true</IsAutoApply></ReceivePaymentAdd></ReceivePaymentAddRq>";
        QbXmlException e = assertThrows(QbXmlException.class, () -> QbSchema.validate(tooLongRef));
        assertTrue(e.getMessage().contains("maxLength"), e.getMessage());

        String threeDecimals = "<DepositAddRq><DepositAdd><DepositToAccountRef><FullName>Bank</FullName></DepositToAccountRef>"
                + "<DepositLineAdd><AccountRef><FullName>Fees</FullName></AccountRef><Amount>1.005</Amount></DepositLineAdd>"
                + "</DepositAdd></DepositAddRq>";
        assertThrows(QbXmlException.class, () -> QbSchema.validate(threeDecimals));
    }
}
