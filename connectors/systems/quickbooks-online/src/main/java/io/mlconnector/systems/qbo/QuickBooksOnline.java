package io.mlconnector.systems.qbo;

import com.google.gson.JsonObject;
import io.mlconnector.api.money.Money;
import java.util.List;
import java.util.Objects;

/**
 * Typed operations on one QuickBooks Online company, for connectors: the objects they read, the
 * transactions they record, and the lists people pick from. Amounts are {@link Money}; objects of
 * the home currency carry no CurrencyRef and take {@code homeCurrency}.
 */
public final class QuickBooksOnline {

    private final QboClient client;
    private final String homeCurrency;

    public QuickBooksOnline(QboClient client, String homeCurrency) {
        this.client = Objects.requireNonNull(client, "client");
        this.homeCurrency = Objects.requireNonNull(homeCurrency, "homeCurrency");
    }

    /** Reads the company's name, country, home currency and whether multi-currency is on. */
    public static QboCompany company(QboClient client) {
        JsonObject info = client.companyInfo();
        JsonObject prefs = client.preferences();
        JsonObject currencyPrefs = QboJson.object(prefs, "CurrencyPrefs");
        QboRef home = currencyPrefs == null ? null : QboRef.from(currencyPrefs.get("HomeCurrency"));
        if (home == null || home.value() == null) {
            throw new QboRequestRejected(200, List.of(), "Reading the company's home currency");
        }
        return new QboCompany(client.realmId(), QboJson.string(info, "CompanyName"), QboJson.string(info, "Country"),
                home.value(), QboJson.bool(currencyPrefs, "MultiCurrencyEnabled", false));
    }

    public QboClient client() {
        return client;
    }

    public String homeCurrency() {
        return homeCurrency;
    }

    public QboCustomer customer(String id) {
        return QboCustomer.from(client.read("Customer", id), homeCurrency);
    }

    public QboInvoice invoice(String id) {
        return QboInvoice.from(client.read("Invoice", id), homeCurrency);
    }

    public QboPayment payment(String id) {
        return QboPayment.from(client.read("Payment", id), homeCurrency);
    }

    public QboDeposit deposit(String id) {
        return QboDeposit.from(client.read("Deposit", id), homeCurrency);
    }

    /** The customer's invoices with something still due. */
    public List<QboInvoice> unpaidInvoices(String customerId) {
        return client.queryAll("Invoice", "CustomerRef = " + QboQuery.quote(customerId) + " AND Balance > '0'").stream()
                .map(o -> QboInvoice.from(o, homeCurrency)).toList();
    }

    public List<QboListEntry> accounts() {
        return client.queryAll("Account", "Active = true").stream().map(QboListEntry::account).toList();
    }

    public List<QboListEntry> paymentMethods() {
        return client.queryAll("PaymentMethod", "Active = true").stream().map(QboListEntry::paymentMethod).toList();
    }

    public List<QboListEntry> items() {
        return client.queryAll("Item", "Active = true").stream().map(QboListEntry::item).toList();
    }

    /** Records a payment (see {@link QboPayment#newForInvoice}); {@code requestId} makes a retry safe. */
    public QboPayment createPayment(JsonObject payment, String requestId) {
        return QboPayment.from(client.create("Payment", payment, requestId), homeCurrency);
    }

    /** Removes a payment so the invoices it paid are open again. */
    public void deletePayment(String paymentId) {
        client.deleteCurrent("Payment", paymentId);
    }

    public QboDeposit createDeposit(QboDeposit.Builder deposit, String requestId) {
        return QboDeposit.from(client.create("Deposit", deposit.toJson(), requestId), homeCurrency);
    }

    /** Records a refund receipt (see {@link QboRefundReceipt#newRefund}); returns its id. */
    public String createRefundReceipt(JsonObject refund, String requestId) {
        return QboJson.string(client.create("RefundReceipt", refund, requestId), "Id");
    }
}
