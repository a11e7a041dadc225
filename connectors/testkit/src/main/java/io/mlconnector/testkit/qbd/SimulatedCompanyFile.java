package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.CurrencyExponent;
import io.mlconnector.api.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An in-memory QuickBooks Desktop company file that answers qbXML 13.0 request documents the way
 * QuickBooks does: schema order enforced, ListID/TxnID/EditSequence handed out, status codes
 * (1 no match, 500 partly found, 3100 name in use, 3120 not found, 3140 bad reference, 3200 stale
 * EditSequence, 3391 bad iterator), onError semantics and query iterators.
 *
 * <p>Requests are processed one at a time, as QuickBooks does. Seed and inspection helpers let a
 * test set up the books and check what a connector wrote into them.
 */
public final class SimulatedCompanyFile {

    private final CompanyData data;
    private final CompanyProfile profile;
    private final QueryIterators iterators = new QueryIterators();
    private final QbXmlProcessor processor = new QbXmlProcessor();
    private int messageSetsProcessed;

    private SimulatedCompanyFile(Builder builder) {
        this.data = new CompanyData(builder.currency, builder.clock);
        this.profile = new CompanyProfile(builder.companyName, builder.country, builder.productName,
                builder.majorVersion, List.copyOf(builder.supportedVersions), builder.companyFilePath);
        if (builder.defaultLists) {
            seedDefaultLists();
        }
    }

    /** A US company file with the default chart of accounts, payment methods and a "Services" item. */
    public static SimulatedCompanyFile create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Processes a qbXML request document and returns the qbXML response document.
     *
     * @throws QbXmlParseException when QuickBooks would reject the whole document (bad XML, unknown
     *                             element, schema order, unsupported version); nothing was applied
     */
    public synchronized String process(String qbxmlRequest) throws QbXmlParseException {
        String response = processor.process(qbxmlRequest, new MessageContext(data, iterators, profile));
        messageSetsProcessed++;
        return response;
    }

    /**
     * The Host, Company and Preferences query responses the Web Connector sends as strHCPResponse
     * on the first sendRequestXML of a session.
     */
    public synchronized String hcpResponse() {
        Document out = Xml.newDocument();
        Element root = out.createElement("QBXML");
        out.appendChild(root);
        Element msgs = out.createElement("QBXMLMsgsRs");
        root.appendChild(msgs);
        QbResponse host = new QbResponse(out, "HostQueryRs", "0");
        host.add(HostMessages.hostRet(host, profile));
        QbResponse company = new QbResponse(out, "CompanyQueryRs", "1");
        company.add(HostMessages.companyRet(company, profile));
        QbResponse preferences = new QbResponse(out, "PreferencesQueryRs", "2");
        preferences.add(HostMessages.preferencesRet(preferences));
        msgs.appendChild(host.rs);
        msgs.appendChild(company.rs);
        msgs.appendChild(preferences.rs);
        return "<?xml version=\"1.0\" ?>\n" + Xml.serialize(root, false);
    }

    /** Ends the QuickBooks session: open query iterators are forgotten, as at the end of a Web Connector run. */
    public synchronized void endSession() {
        iterators.clear();
    }

    public synchronized int openIterators() {
        return iterators.openCount();
    }

    /** How many request documents were processed (parse failures not counted). */
    public synchronized int messageSetsProcessed() {
        return messageSetsProcessed;
    }

    public SimulatedClock clock() {
        return data.clock;
    }

    public String companyName() {
        return profile.companyName();
    }

    /** "US", "UK" or "CA": the qbXMLCountry the Web Connector reports. */
    public String country() {
        return profile.country();
    }

    public String currency() {
        return data.currency;
    }

    public String companyFilePath() {
        return profile.companyFilePath();
    }

    public List<String> supportedQbXmlVersions() {
        return profile.supportedQbXmlVersions();
    }

    // ---- seeding ----------------------------------------------------------------------------

    public synchronized QbCustomer addCustomer(String name) {
        return addCustomer(name, null);
    }

    public synchronized QbCustomer addCustomer(String name, String email) {
        Objects.requireNonNull(name, "name");
        if (data.customerByFullName(name) != null) {
            throw new IllegalArgumentException("Customer already exists: " + name);
        }
        CustomerEntity customer = new CustomerEntity();
        customer.name = name;
        customer.email = email;
        data.stampNew(customer);
        data.customers.put(customer.listId, customer);
        return views().customer(customer);
    }

    /** Adds an account; accountType is a qbXML AccountType such as Bank, Income, Expense, OtherCurrentAsset. */
    public synchronized QbAccount addAccount(String name, String accountType) {
        if (data.byName(data.accounts, name) != null) {
            throw new IllegalArgumentException("Account already exists: " + name);
        }
        AccountEntity account = account(name, accountType, null);
        return views().account(account);
    }

    /** Adds a payment method and returns its ListID; type is a qbXML PaymentMethodType such as Other or Check. */
    public synchronized String addPaymentMethod(String name, String paymentMethodType) {
        if (data.byName(data.paymentMethods, name) != null) {
            throw new IllegalArgumentException("Payment method already exists: " + name);
        }
        PaymentMethodEntity method = new PaymentMethodEntity();
        method.name = name;
        method.paymentMethodType = paymentMethodType;
        data.stampNew(method);
        data.paymentMethods.put(method.listId, method);
        return method.listId;
    }

    /** Adds a service item posting to the named income account and returns its ListID. */
    public synchronized String addServiceItem(String name, String incomeAccountName) {
        AccountEntity account = data.byName(data.accounts, incomeAccountName);
        if (account == null) {
            throw new IllegalArgumentException("No account named " + incomeAccountName);
        }
        ItemEntity item = new ItemEntity();
        item.name = name;
        item.accountListId = account.listId;
        data.stampNew(item);
        data.items.put(item.listId, item);
        return item.listId;
    }

    /** An open invoice dated today with one line for the "Services" item. */
    public synchronized QbInvoice addOpenInvoice(String customerFullName, String refNumber, String amount) {
        return addOpenInvoice(customerFullName, refNumber, amount, data.today());
    }

    public synchronized QbInvoice addOpenInvoice(String customerFullName, String refNumber, String amount,
            LocalDate txnDate) {
        CustomerEntity customer = data.customerByFullName(customerFullName);
        if (customer == null) {
            throw new IllegalArgumentException("No customer named " + customerFullName);
        }
        InvoiceEntity invoice = new InvoiceEntity();
        invoice.customerListId = customer.listId;
        AccountEntity receivables = data.firstAccountOfType("AccountsReceivable");
        invoice.arAccountListId = (receivables != null ? receivables
                : data.specialAccount("Accounts Receivable", "AccountsReceivable", "AccountsReceivable")).listId;
        invoice.txnDate = txnDate;
        invoice.dueDate = txnDate;
        invoice.refNumber = refNumber != null ? refNumber : data.nextInvoiceRefNumber();
        data.noteInvoiceRefNumber(invoice.refNumber);
        SalesLine line = new SalesLine();
        line.txnLineId = data.newTxnId();
        ItemEntity services = data.byName(data.items, "Services");
        line.itemListId = services == null ? null : services.listId;
        line.desc = "Services";
        line.amount = Money.parse(amount, data.currency);
        invoice.lines.add(line);
        data.stampNew(invoice);
        data.invoices.put(invoice.txnId, invoice);
        return views().invoice(invoice);
    }

    // ---- inspection -------------------------------------------------------------------------

    public synchronized List<QbCustomer> customers() {
        return map(data.customers.values(), views()::customer);
    }

    public synchronized Optional<QbCustomer> customer(String listId) {
        return Optional.ofNullable(data.customers.get(listId)).map(views()::customer);
    }

    public synchronized Optional<QbCustomer> customerByName(String fullName) {
        return Optional.ofNullable(data.customerByFullName(fullName)).map(views()::customer);
    }

    public synchronized List<QbAccount> accounts() {
        return map(data.accounts.values(), views()::account);
    }

    public synchronized Optional<QbAccount> account(String name) {
        return Optional.ofNullable(data.byName(data.accounts, name)).map(views()::account);
    }

    /** The balance of the named account as a decimal string (zero for income and expense accounts). */
    public synchronized String accountBalance(String name) {
        return account(name).map(QbAccount::balance)
                .orElseThrow(() -> new IllegalArgumentException("No account named " + name));
    }

    public synchronized List<QbInvoice> invoices() {
        return map(data.invoices.values(), views()::invoice);
    }

    public synchronized Optional<QbInvoice> invoice(String txnId) {
        return Optional.ofNullable(data.invoices.get(txnId)).map(views()::invoice);
    }

    public synchronized Optional<QbInvoice> invoiceByRefNumber(String refNumber) {
        return data.invoices.values().stream().filter(i -> refNumber.equals(i.refNumber)).findFirst()
                .map(views()::invoice);
    }

    public synchronized List<QbCreditMemo> creditMemos() {
        return map(data.creditMemos.values(), views()::creditMemo);
    }

    public synchronized List<QbPayment> payments() {
        return map(data.payments.values(), views()::payment);
    }

    public synchronized Optional<QbPayment> payment(String txnId) {
        return Optional.ofNullable(data.payments.get(txnId)).map(views()::payment);
    }

    public synchronized List<QbDeposit> deposits() {
        return map(data.deposits.values(), views()::deposit);
    }

    public synchronized List<QbRefund> refunds() {
        return map(data.refunds.values(), views()::refund);
    }

    public synchronized List<QbCheck> checks() {
        return map(data.checks.values(), views()::check);
    }

    private CompanyViews views() {
        return new CompanyViews(data);
    }

    private static <E, V> List<V> map(Iterable<E> entities, Function<E, V> view) {
        List<V> result = new ArrayList<>();
        for (E entity : entities) {
            result.add(view.apply(entity));
        }
        return List.copyOf(result);
    }

    private AccountEntity account(String name, String accountType, String specialType) {
        return data.specialAccount(name, accountType, specialType);
    }

    /** The lists a new QuickBooks company starts with, reduced to what payments work needs. */
    private void seedDefaultLists() {
        account("Accounts Receivable", "AccountsReceivable", "AccountsReceivable");
        account("Undeposited Funds", "OtherCurrentAsset", "UndepositedFunds");
        account("Checking", "Bank", null);
        AccountEntity income = account("Services", "Income", null);
        account("Bank Service Charges", "Expense", null);
        for (String[] method : new String[][] {{"Cash", "Cash"}, {"Check", "Check"}, {"Visa", "Visa"},
                {"MasterCard", "MasterCard"}}) {
            addPaymentMethod(method[0], method[1]);
        }
        ItemEntity item = new ItemEntity();
        item.name = "Services";
        item.accountListId = income.listId;
        data.stampNew(item);
        data.items.put(item.listId, item);
    }

    /** Settings of a new simulated company file. */
    public static final class Builder {
        private String companyName = "Simulated Company";
        private String country = "US";
        private String currency;
        private SimulatedClock clock = SimulatedClock.standard();
        private String productName = "QuickBooks Pro 2013";
        private String majorVersion = "23";
        private List<String> supportedVersions = List.of("1.0", "1.1", "2.0", "2.1", "3.0", "4.0", "4.1", "5.0",
                "6.0", "7.0", "8.0", "9.0", "10.0", "11.0", "12.0", "13.0");
        private String companyFilePath;
        private boolean defaultLists = true;

        private Builder() {
        }

        public Builder companyName(String companyName) {
            this.companyName = Objects.requireNonNull(companyName);
            return this;
        }

        /** "US" (USD), "UK" (GBP) or "CA" (CAD); the home currency follows unless set explicitly. */
        public Builder country(String country) {
            this.country = Objects.requireNonNull(country).toUpperCase(Locale.ROOT);
            return this;
        }

        public Builder currency(String currency) {
            CurrencyExponent.of(currency);
            this.currency = currency.toUpperCase(Locale.ROOT);
            return this;
        }

        public Builder clock(SimulatedClock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder product(String productName, String majorVersion) {
            this.productName = Objects.requireNonNull(productName);
            this.majorVersion = Objects.requireNonNull(majorVersion);
            return this;
        }

        public Builder supportedQbXmlVersions(List<String> versions) {
            this.supportedVersions = List.copyOf(versions);
            return this;
        }

        public Builder companyFilePath(String path) {
            this.companyFilePath = Objects.requireNonNull(path);
            return this;
        }

        /** Without default lists the file starts with no accounts, payment methods or items. */
        public Builder withoutDefaultLists() {
            this.defaultLists = false;
            return this;
        }

        public SimulatedCompanyFile build() {
            if (currency == null) {
                currency = switch (country) {
                    case "UK" -> "GBP";
                    case "CA" -> "CAD";
                    default -> "USD";
                };
            }
            if (companyFilePath == null) {
                companyFilePath = "C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\"
                        + companyName + ".qbw";
            }
            return new SimulatedCompanyFile(this);
        }
    }
}
