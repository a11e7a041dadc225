package io.mlconnector.testkit.qbd;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything stored in the company file, and the identifiers QuickBooks hands out. Lists are keyed
 * by ListID and transactions by TxnID, in creation order. A copy serves as the rollback point for
 * {@code onError="rollbackOnError"}.
 */
final class CompanyData {

    final String currency;
    final SimulatedClock clock;

    final Map<String, CustomerEntity> customers = new LinkedHashMap<>();
    final Map<String, AccountEntity> accounts = new LinkedHashMap<>();
    final Map<String, PaymentMethodEntity> paymentMethods = new LinkedHashMap<>();
    final Map<String, ItemEntity> items = new LinkedHashMap<>();
    final Map<String, InvoiceEntity> invoices = new LinkedHashMap<>();
    final Map<String, CreditMemoEntity> creditMemos = new LinkedHashMap<>();
    final Map<String, PaymentEntity> payments = new LinkedHashMap<>();
    final Map<String, DepositEntity> deposits = new LinkedHashMap<>();
    final Map<String, RefundEntity> refunds = new LinkedHashMap<>();
    final Map<String, CheckEntity> checks = new LinkedHashMap<>();

    /** ListIDs count up from 0x80000001, as in QuickBooks. */
    private long nextListSequence = 0x80000001L;
    private long nextTxnSequence = 0x10;
    private int nextTxnNumber = 1;
    private int nextInvoiceNumber = 1;
    private int nextCreditMemoNumber = 1;

    CompanyData(String currency, SimulatedClock clock) {
        this.currency = currency;
        this.clock = clock;
    }

    ZoneId zone() {
        return clock.getZone();
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    String newListId() {
        return String.format(Locale.ROOT, "%08X-%d", nextListSequence++, now().getEpochSecond());
    }

    /** TxnIDs and TxnLineIDs share one hexadecimal counter. */
    String newTxnId() {
        return String.format(Locale.ROOT, "%X-%d", nextTxnSequence++, now().getEpochSecond());
    }

    int newTxnNumber() {
        return nextTxnNumber++;
    }

    String nextInvoiceRefNumber() {
        return Integer.toString(nextInvoiceNumber++);
    }

    String nextCreditMemoRefNumber() {
        return Integer.toString(nextCreditMemoNumber++);
    }

    /** A numeric RefNumber given by the caller moves the automatic numbering past it. */
    void noteInvoiceRefNumber(String refNumber) {
        nextInvoiceNumber = Math.max(nextInvoiceNumber, numeric(refNumber) + 1);
    }

    void noteCreditMemoRefNumber(String refNumber) {
        nextCreditMemoNumber = Math.max(nextCreditMemoNumber, numeric(refNumber) + 1);
    }

    private static int numeric(String refNumber) {
        try {
            return refNumber == null ? 0 : Integer.parseInt(refNumber);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * EditSequence is the modification time in epoch seconds; it must change on every change, so
     * two changes within one second still get different values.
     */
    private String nextEditSequence(String previous) {
        long now = now().getEpochSecond();
        if (previous != null) {
            try {
                now = Math.max(now, Long.parseLong(previous) + 1);
            } catch (NumberFormatException ignored) {
                // keep the clock value
            }
        }
        return Long.toString(now);
    }

    void stampNew(ListEntity entity) {
        entity.listId = newListId();
        entity.timeCreated = now();
        entity.timeModified = now();
        entity.editSequence = nextEditSequence(null);
    }

    void stampNew(TxnEntity entity) {
        entity.txnId = newTxnId();
        entity.timeCreated = now();
        entity.timeModified = now();
        entity.editSequence = nextEditSequence(null);
        entity.txnNumber = newTxnNumber();
    }

    void touch(ListEntity entity) {
        entity.timeModified = now();
        entity.editSequence = nextEditSequence(entity.editSequence);
    }

    void touch(TxnEntity entity) {
        entity.timeModified = now();
        entity.editSequence = nextEditSequence(entity.editSequence);
    }

    String customerFullName(CustomerEntity customer) {
        if (customer.parentListId == null) {
            return customer.name;
        }
        CustomerEntity parent = customers.get(customer.parentListId);
        return parent == null ? customer.name : customerFullName(parent) + ":" + customer.name;
    }

    int sublevel(CustomerEntity customer) {
        int level = 0;
        for (CustomerEntity c = customer; c.parentListId != null; c = customers.get(c.parentListId)) {
            level++;
        }
        return level;
    }

    CustomerEntity customerByFullName(String fullName) {
        for (CustomerEntity customer : customers.values()) {
            if (customerFullName(customer).equalsIgnoreCase(fullName)) {
                return customer;
            }
        }
        return null;
    }

    <T extends ListEntity> T byName(Map<String, T> list, String name) {
        for (T entity : list.values()) {
            if (entity.name.equalsIgnoreCase(name)) {
                return entity;
            }
        }
        return null;
    }

    AccountEntity accountBySpecialType(String specialType) {
        for (AccountEntity account : accounts.values()) {
            if (specialType.equals(account.specialAccountType)) {
                return account;
            }
        }
        return null;
    }

    AccountEntity specialAccount(String name, String accountType, String specialType) {
        AccountEntity account = new AccountEntity();
        account.name = name;
        account.accountType = accountType;
        account.specialAccountType = specialType;
        stampNew(account);
        accounts.put(account.listId, account);
        return account;
    }

    AccountEntity firstAccountOfType(String accountType) {
        for (AccountEntity account : accounts.values()) {
            if (accountType.equals(account.accountType)) {
                return account;
            }
        }
        return null;
    }

    TxnEntity anyTxn(String txnId) {
        for (Map<String, ? extends TxnEntity> map : txnMaps()) {
            TxnEntity txn = map.get(txnId);
            if (txn != null) {
                return txn;
            }
        }
        return null;
    }

    List<Map<String, ? extends TxnEntity>> txnMaps() {
        return List.of(invoices, creditMemos, payments, deposits, refunds, checks);
    }

    String listName(String listId) {
        if (listId == null) {
            return null;
        }
        CustomerEntity customer = customers.get(listId);
        if (customer != null) {
            return customerFullName(customer);
        }
        for (Map<String, ? extends ListEntity> map : List.of(accounts, paymentMethods, items)) {
            ListEntity entity = map.get(listId);
            if (entity != null) {
                return entity.name;
            }
        }
        return null;
    }

    CompanyData copy() {
        CompanyData copy = new CompanyData(currency, clock);
        customers.forEach((k, v) -> copy.customers.put(k, v.copy()));
        accounts.forEach((k, v) -> copy.accounts.put(k, v.copy()));
        paymentMethods.forEach((k, v) -> copy.paymentMethods.put(k, v.copy()));
        items.forEach((k, v) -> copy.items.put(k, v.copy()));
        invoices.forEach((k, v) -> copy.invoices.put(k, v.copy()));
        creditMemos.forEach((k, v) -> copy.creditMemos.put(k, v.copy()));
        payments.forEach((k, v) -> copy.payments.put(k, v.copy()));
        deposits.forEach((k, v) -> copy.deposits.put(k, v.copy()));
        refunds.forEach((k, v) -> copy.refunds.put(k, v.copy()));
        checks.forEach((k, v) -> copy.checks.put(k, v.copy()));
        copy.nextListSequence = nextListSequence;
        copy.nextTxnSequence = nextTxnSequence;
        copy.nextTxnNumber = nextTxnNumber;
        copy.nextInvoiceNumber = nextInvoiceNumber;
        copy.nextCreditMemoNumber = nextCreditMemoNumber;
        return copy;
    }

    /** Puts the state of {@code snapshot} back (rollbackOnError). */
    void restore(CompanyData snapshot) {
        CompanyData source = snapshot.copy();
        replace(customers, source.customers);
        replace(accounts, source.accounts);
        replace(paymentMethods, source.paymentMethods);
        replace(items, source.items);
        replace(invoices, source.invoices);
        replace(creditMemos, source.creditMemos);
        replace(payments, source.payments);
        replace(deposits, source.deposits);
        replace(refunds, source.refunds);
        replace(checks, source.checks);
        nextListSequence = source.nextListSequence;
        nextTxnSequence = source.nextTxnSequence;
        nextTxnNumber = source.nextTxnNumber;
        nextInvoiceNumber = source.nextInvoiceNumber;
        nextCreditMemoNumber = source.nextCreditMemoNumber;
    }

    private static <T> void replace(Map<String, T> target, Map<String, T> source) {
        target.clear();
        target.putAll(source);
    }

    List<TxnEntity> allTxns() {
        List<TxnEntity> all = new ArrayList<>();
        for (Map<String, ? extends TxnEntity> map : txnMaps()) {
            all.addAll(map.values());
        }
        return all;
    }
}
