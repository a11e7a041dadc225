package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.qbd.QbIterators;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.customers.CustomerPoll;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.xml.ActiveStatus;
import io.mlconnector.systems.qbd.xml.Address;
import io.mlconnector.systems.qbd.xml.CustomerQueryRq;
import io.mlconnector.systems.qbd.xml.CustomerQueryRs;
import io.mlconnector.systems.qbd.xml.CustomerRet;
import io.mlconnector.systems.zuora.CreatedAccount;
import io.mlconnector.systems.zuora.ZuoraAccount;
import io.mlconnector.systems.zuora.ZuoraAccountDraft;
import io.mlconnector.systems.zuora.ZuoraApi;
import io.mlconnector.systems.zuora.ZuoraContact;
import io.mlconnector.systems.zuora.connector.ZuoraClients;

import java.util.Optional;

/**
 * QuickBooks customers created or changed since the last complete read become Zuora accounts (or
 * bring theirs up to date): name, currency, bill-to contact, bill cycle day; the customer's ListID
 * is the account's CRM id, and the Zuora account number is written to the customer's Account No.
 * Read page by page with an iterator; the position (QuickBooks' own TimeModified text) moves only
 * once every page was stored in Zuora.
 */
final class CustomersToZuora {

    static final String PAGE = "zuora.customers";
    static final String ACCOUNT_NUMBER = "zuora.account-number";
    static final String CURSOR = "qbd-zuora.customers.modified_since";
    static final String CORRELATION = "quickbooks-customers-to-zuora";
    static final int PAGE_SIZE = 50;

    void run(ConnectorContext ctx) {
        if (!ctx.settings().flag(Keys.CUSTOMERS_TO_ZUORA) || ctx.quickBooks().pending(CORRELATION) > 0) {
            return;
        }
        String since = ctx.cursors().get(CURSOR).orElse(null);
        QbQueue.send(ctx, firstPage(since), Step.of(PAGE).with("from", since), CORRELATION);
    }

    private static CustomerQueryRq firstPage(String since) {
        CustomerQueryRq rq = QbRequests.customerQuery(QbQueue.requestId("cust-zuora", CORRELATION))
                .startIterator(PAGE_SIZE).activeStatus(ActiveStatus.ACTIVE_ONLY).build();
        rq.setFromModifiedDate(since);
        return rq;
    }

    void onPage(QbAnswer answer, Step step, String correlation, ConnectorContext ctx) {
        if (!answer.succeeded()) {
            if (!answer.notFound()) {
                ctx.audit().record(CORRELATION, "customers.read-failed", "error", null, null, answer.problem());
            }
            return;
        }
        CustomerQueryRs page = answer.body(CustomerQueryRs.class);
        ZuoraApi zuora = ZuoraClients.api(ctx);
        String newest = step.get("hi");
        boolean allStored = step.get("err") == null;
        for (CustomerRet customer : page.getCustomerRet()) {
            try {
                toZuora(customer, zuora, ctx);
                newest = CustomerPoll.later(newest, customer.getTimeModified());
            } catch (RetryLater | CannotProcess e) {
                allStored = false;
                ctx.syncRecords().open(Keys.RECORD_CUSTOMER, customer.getListID(), "QuickBooks customer " + customer.getFullName());
                ctx.syncRecords().needsAttention(Keys.RECORD_CUSTOMER, customer.getListID(),
                        "Not brought to Zuora yet: " + e.getMessage() + " It is tried again at the next read.");
            }
        }
        Step sofar = step.with("hi", newest).with("err", allStored ? null : 1);
        if (answer.header().hasMore()) {
            Optional<CustomerQueryRq> next = QbIterators.next(firstPage(step.get("from")), page,
                    QbQueue.requestId("cust-zuora", CORRELATION));
            if (next.isPresent()) {
                QbQueue.send(ctx, next.get(), sofar, CORRELATION);
                return;
            }
        }
        if (allStored && newest != null) {
            ctx.cursors().set(CURSOR, newest);
        }
    }

    private static void toZuora(CustomerRet customer, ZuoraApi zuora, ConnectorContext ctx) {
        String listId = customer.getListID();
        ZuoraAccountDraft draft = new ZuoraAccountDraft(customer.getFullName(), currency(customer, ctx),
                Math.min(31, Math.max(1, ctx.settings().number(Keys.BILL_CYCLE_DAY, 1))), listId, contact(customer));
        Optional<ZuoraAccount> existing = ctx.ids().target(Keys.CUSTOMER_ACCOUNT, listId).flatMap(zuora::account)
                .or(() -> zuora.accountByCrmId(listId));
        String accountId;
        String accountNumber;
        if (existing.isEmpty()) {
            CreatedAccount created = zuora.createAccount(draft, "qbd-customer-" + ctx.connectionId() + "-" + listId);
            accountId = created.accountId();
            accountNumber = created.accountNumber();
            ctx.audit().record(listId, "customer.account-created", "ok", null, accountId,
                    "QuickBooks customer " + customer.getFullName() + " is Zuora account " + accountNumber);
        } else {
            accountId = existing.get().id();
            accountNumber = existing.get().accountNumber();
            if (!customer.getFullName().equals(existing.get().name())) {
                zuora.updateAccount(accountId, draft);
                ctx.audit().record(listId, "customer.account-updated", "ok", null, accountId,
                        "Zuora account " + accountNumber + " renamed " + customer.getFullName());
            }
        }
        ctx.ids().replace(Keys.CUSTOMER_ACCOUNT, listId, accountId);
        ctx.ids().replace(Keys.ACCOUNT_CUSTOMER, accountId, listId);
        ctx.syncRecords().open(Keys.RECORD_CUSTOMER, listId, "QuickBooks customer " + customer.getFullName());
        ctx.syncRecords().done(Keys.RECORD_CUSTOMER, listId, accountId);
        if (accountNumber != null && !accountNumber.equals(customer.getAccountNumber())) {
            QbQueue.send(ctx, QbRequests.customerMod(QbQueue.requestId("cust-acct", listId), listId, customer.getEditSequence())
                    .accountNumber(accountNumber).build(), Step.of(ACCOUNT_NUMBER).with("acct", accountNumber), listId);
        }
    }

    /** The customer's own currency in a multi-currency file, else the connection's. */
    private static String currency(CustomerRet customer, ConnectorContext ctx) {
        if (customer.getCurrencyRef() != null && customer.getCurrencyRef().getFullName() != null
                && customer.getCurrencyRef().getFullName().matches("[A-Z]{3}")) {
            return customer.getCurrencyRef().getFullName();
        }
        return ctx.settings().get(Keys.CURRENCY, "USD");
    }

    private static ZuoraContact contact(CustomerRet c) {
        Address a = c.getBillAddress();
        String first = c.getFirstName();
        String last = c.getLastName();
        if ((first == null || first.isBlank()) && (last == null || last.isBlank())) {
            ZuoraContact named = ZuoraContact.named(c.getCompanyName() != null ? c.getCompanyName() : c.getFullName());
            first = named.firstName();
            last = named.lastName();
        }
        return new ZuoraContact(first, last, c.getEmail(), a == null ? null : a.getAddr1(), a == null ? null : a.getCity(),
                a == null ? null : a.getState(), a == null ? null : a.getPostalCode(), a == null ? null : a.getCountry());
    }

    void onAccountNumber(QbAnswer answer, Step step, String listId, ConnectorContext ctx) {
        ctx.audit().record(listId, "customer.account-number", answer.succeeded() ? "ok" : "error", null, null,
                answer.succeeded() ? "Zuora account number " + step.get("acct") + " written to the customer's Account No."
                        : "QuickBooks did not take the Zuora account number: " + answer.problem());
    }
}
