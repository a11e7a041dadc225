package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.util.Map;
import org.w3c.dom.Element;

/** What a message handler works with: the stored data, derived balances, iterators, settings. */
final class MessageContext {

    final CompanyData data;
    final Ledger ledger;
    final QueryIterators iterators;
    final CompanyProfile profile;

    MessageContext(CompanyData data, QueryIterators iterators, CompanyProfile profile) {
        this.data = data;
        this.ledger = new Ledger(data);
        this.iterators = iterators;
        this.profile = profile;
    }

    Money amount(String text) {
        return QbValues.amount(text, data.currency);
    }

    String amount(Money money) {
        return QbValues.amount(money);
    }

    Money zero() {
        return Money.ofMinor(0, data.currency);
    }

    // ---- references (ListID wins over FullName, as in QuickBooks) --------------------------

    CustomerEntity customer(Element ref, String txnType) {
        String listId = Xml.text(ref, "ListID");
        String fullName = Xml.text(ref, "FullName");
        CustomerEntity customer = listId != null ? data.customers.get(listId) : data.customerByFullName(fullName);
        if (customer == null) {
            throw QbStatusException.invalidReference("Customer", listId != null ? listId : fullName, txnType);
        }
        return customer;
    }

    AccountEntity account(Element ref, String txnType) {
        return resolve(data.accounts, ref, "Account", txnType);
    }

    PaymentMethodEntity paymentMethod(Element ref, String txnType) {
        return resolve(data.paymentMethods, ref, "Payment Method", txnType);
    }

    ItemEntity item(Element ref, String txnType) {
        return resolve(data.items, ref, "Item", txnType);
    }

    private <T extends ListEntity> T resolve(Map<String, T> list, Element ref, String listName, String txnType) {
        String listId = Xml.text(ref, "ListID");
        String fullName = Xml.text(ref, "FullName");
        T entity = listId != null ? list.get(listId) : data.byName(list, fullName);
        if (entity == null) {
            throw QbStatusException.invalidReference(listName, listId != null ? listId : fullName, txnType);
        }
        return entity;
    }

    /** The account named by {@code ref}, or the company default when the element is absent. */
    AccountEntity accountOr(Element ref, java.util.function.Supplier<AccountEntity> fallback, String txnType) {
        return ref == null ? fallback.get() : account(ref, txnType);
    }

    /** QuickBooks creates Accounts Receivable the first time a transaction needs it. */
    AccountEntity receivables() {
        AccountEntity account = data.firstAccountOfType("AccountsReceivable");
        return account != null ? account : data.specialAccount("Accounts Receivable", "AccountsReceivable",
                "AccountsReceivable");
    }

    /** Likewise Undeposited Funds, where received payments wait for a deposit. */
    AccountEntity undepositedFunds() {
        AccountEntity account = data.accountBySpecialType("UndepositedFunds");
        return account != null ? account : data.specialAccount("Undeposited Funds", "OtherCurrentAsset",
                "UndepositedFunds");
    }

    AccountEntity bank() {
        AccountEntity account = data.firstAccountOfType("Bank");
        if (account == null) {
            throw QbStatusException.cannotSave("ARRefundCreditCard", "No bank account to refund from.");
        }
        return account;
    }

    void ref(RetWriter writer, String name, String listId) {
        if (listId != null) {
            writer.ref(name, listId, data.listName(listId));
        }
    }
}
