package io.mlconnector.platform.qbwc;

import io.mlconnector.platform.database.Sql;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.testing.Fixtures;
import jakarta.inject.Singleton;
import java.util.UUID;

/** A tenant with a QuickBooks Desktop connection whose Web Connector password is known, and qbXML to queue. */
@Singleton
public class QuickBooksFixtures {

    /** A connection ready for a Web Connector to sign in. */
    public record Connected(UUID tenantId, UUID connectionId, String userName, String password) {
    }

    private final Fixtures fixtures;
    private final WebConnectorAccounts accounts;
    private final Sql sql;
    private final TenantTransactions transactions;
    private final ResponseDelivery delivery;

    QuickBooksFixtures(Fixtures fixtures, WebConnectorAccounts accounts, Sql sql, TenantTransactions transactions,
                       ResponseDelivery delivery) {
        this.delivery = delivery;
        this.fixtures = fixtures;
        this.accounts = accounts;
        this.sql = sql;
        this.transactions = transactions;
    }

    public Connected connected(String company) {
        UUID tenantId = fixtures.tenant(company);
        UUID connectionId = fixtures.connection(tenantId);
        String password = accounts.newPassword(tenantId, connectionId);
        return new Connected(tenantId, connectionId, accounts.find(tenantId, connectionId).orElseThrow().userName(), password);
    }

    /** Hands over now whatever the connector did not take, without waiting for the next sign-in. */
    public int redeliverNow(Connected connected) {
        return delivery.redeliver(connected.tenantId(), connected.connectionId(), java.time.Instant.now().plusSeconds(1));
    }

    /** The queue row's status, read directly. */
    public String status(Connected connected, String requestId) {
        return transactions.read(connected.tenantId(), () -> sql.one(
                "SELECT status FROM web_connector_requests WHERE connection_id = ? AND request_id = ?",
                row -> row.getString(1), connected.connectionId(), requestId).orElseThrow());
    }

    /** A ReceivePaymentAdd request element that applies itself to the customer's open invoices. */
    public static String payment(String customer, String amount, String reference) {
        return "<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>" + customer + "</FullName></CustomerRef>"
                + "<RefNumber>" + reference + "</RefNumber><TotalAmount>" + amount + "</TotalAmount>"
                + "<Memo>GoCardless " + reference + "</Memo><IsAutoApply>true</IsAutoApply></ReceivePaymentAdd></ReceivePaymentAddRq>";
    }

    /** The same payment with its elements out of schema order: QuickBooks refuses the whole message it is in. */
    public static String paymentOutOfOrder(String customer, String amount) {
        return "<ReceivePaymentAddRq><ReceivePaymentAdd><TotalAmount>" + amount + "</TotalAmount><CustomerRef><FullName>" + customer
                + "</FullName></CustomerRef><IsAutoApply>true</IsAutoApply></ReceivePaymentAdd></ReceivePaymentAddRq>";
    }

    public static String customerAdd(String name) {
        return "<CustomerAddRq><CustomerAdd><Name>" + name + "</Name></CustomerAdd></CustomerAddRq>";
    }
}
