package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Derived amounts: open balances of invoices and credit memos, unused payments, customer and
 * account balances. Computed from the transactions each time, so no stored total can drift.
 */
final class Ledger {

    private final CompanyData data;

    Ledger(CompanyData data) {
        this.data = data;
    }

    private Money zero() {
        return Money.ofMinor(0, data.currency);
    }

    /** A link between an invoice or credit memo and a transaction that paid or used it. */
    record Link(String txnId, String txnType, Money amount) {
    }

    /** Payments and credits applied to the invoice, as positive amounts. */
    List<Link> invoiceLinks(String invoiceTxnId) {
        List<Link> links = new ArrayList<>();
        InvoiceEntity invoice = data.invoices.get(invoiceTxnId);
        if (invoice != null) {
            for (PaymentEntity.CreditUse credit : invoice.credits) {
                links.add(new Link(credit.creditTxnId(), "CreditMemo", credit.amount()));
            }
        }
        for (PaymentEntity payment : data.payments.values()) {
            for (PaymentEntity.Application application : payment.applications) {
                if (application.targetTxnId.equals(invoiceTxnId)) {
                    if (!application.amount.isZero()) {
                        links.add(new Link(payment.txnId, payment.txnType(), application.amount));
                    }
                    for (PaymentEntity.CreditUse credit : application.credits) {
                        links.add(new Link(credit.creditTxnId(), "CreditMemo", credit.amount()));
                    }
                }
            }
        }
        return links;
    }

    Money invoiceApplied(InvoiceEntity invoice) {
        Money applied = zero();
        for (Link link : invoiceLinks(invoice.txnId)) {
            applied = applied.plus(link.amount());
        }
        return applied;
    }

    Money invoiceBalance(InvoiceEntity invoice) {
        return invoice.subtotal(data.currency).minus(invoiceApplied(invoice));
    }

    /** The open balance as if payment {@code paymentTxnId} were not applied to the invoice. */
    Money invoiceBalanceExcluding(InvoiceEntity invoice, String paymentTxnId) {
        Money balance = invoiceBalance(invoice);
        PaymentEntity payment = paymentTxnId == null ? null : data.payments.get(paymentTxnId);
        if (payment != null) {
            for (PaymentEntity.Application application : payment.applications) {
                if (application.targetTxnId.equals(invoice.txnId)) {
                    balance = balance.plus(application.amount);
                    for (PaymentEntity.CreditUse credit : application.credits) {
                        balance = balance.plus(credit.amount());
                    }
                }
            }
        }
        return balance;
    }

    /** Invoices and refunds that used the credit memo. */
    List<Link> creditMemoLinks(String creditTxnId) {
        List<Link> links = new ArrayList<>();
        for (InvoiceEntity invoice : data.invoices.values()) {
            for (PaymentEntity.CreditUse credit : invoice.credits) {
                if (credit.creditTxnId().equals(creditTxnId)) {
                    links.add(new Link(invoice.txnId, "Invoice", credit.amount()));
                }
            }
        }
        for (PaymentEntity payment : data.payments.values()) {
            for (PaymentEntity.Application application : payment.applications) {
                for (PaymentEntity.CreditUse credit : application.credits) {
                    if (credit.creditTxnId().equals(creditTxnId)) {
                        links.add(new Link(application.targetTxnId, "Invoice", credit.amount()));
                    }
                }
            }
        }
        links.addAll(refundLinks(creditTxnId));
        return links;
    }

    private List<Link> refundLinks(String creditTxnId) {
        List<Link> links = new ArrayList<>();
        for (RefundEntity refund : data.refunds.values()) {
            for (RefundEntity.Application application : refund.applications) {
                if (application.creditTxnId().equals(creditTxnId)) {
                    links.add(new Link(refund.txnId, refund.txnType(), application.amount()));
                }
            }
        }
        return links;
    }

    Money creditRemaining(CreditMemoEntity creditMemo) {
        Money remaining = creditMemo.subtotal(data.currency);
        for (Link link : creditMemoLinks(creditMemo.txnId)) {
            remaining = remaining.minus(link.amount());
        }
        return remaining;
    }

    /** The part of a payment not applied to invoices and not refunded. */
    Money unusedPayment(PaymentEntity payment) {
        Money unused = payment.totalAmount;
        for (PaymentEntity.Application application : payment.applications) {
            unused = unused.minus(application.amount);
        }
        for (Link link : refundLinks(payment.txnId)) {
            unused = unused.minus(link.amount());
        }
        return unused;
    }

    /** The customer's unapplied credit memos, which QuickBooks reports as UnusedCredits. */
    Money unusedCredits(String customerListId) {
        Money total = zero();
        for (CreditMemoEntity creditMemo : data.creditMemos.values()) {
            if (creditMemo.customerListId.equals(customerListId)) {
                total = total.plus(creditRemaining(creditMemo));
            }
        }
        return total;
    }

    /** What the customer owes, not counting jobs below it. */
    Money customerBalance(CustomerEntity customer) {
        String id = customer.listId;
        Money balance = customer.openBalance == null ? zero() : customer.openBalance;
        for (InvoiceEntity invoice : data.invoices.values()) {
            if (invoice.customerListId.equals(id)) {
                balance = balance.plus(invoiceBalance(invoice));
            }
        }
        for (PaymentEntity payment : data.payments.values()) {
            if (payment.customerListId.equals(id)) {
                balance = balance.minus(unusedPayment(payment));
            }
        }
        for (CreditMemoEntity creditMemo : data.creditMemos.values()) {
            if (creditMemo.customerListId.equals(id)) {
                balance = balance.minus(creditRemaining(creditMemo));
            }
        }
        for (CheckEntity check : data.checks.values()) {
            for (CheckEntity.ExpenseLine line : check.lines) {
                if (id.equals(line.customerListId) && isReceivable(line.accountListId)) {
                    balance = balance.plus(line.amount);
                }
            }
        }
        return balance;
    }

    /** The customer's balance including its jobs (sub-customers). */
    Money customerTotalBalance(CustomerEntity customer) {
        Money total = customerBalance(customer);
        for (CustomerEntity child : data.customers.values()) {
            if (customer.listId.equals(child.parentListId)) {
                total = total.plus(customerTotalBalance(child));
            }
        }
        return total;
    }

    private boolean isReceivable(String accountListId) {
        AccountEntity account = data.accounts.get(accountListId);
        return account != null && "AccountsReceivable".equals(account.accountType);
    }

    /**
     * The running balance of a balance-sheet account: debit-positive for assets, credit-positive for
     * liabilities and equity, as QuickBooks shows them. Income and expense accounts report zero.
     */
    Money accountBalance(AccountEntity account) {
        if (!account.balanceSheet()) {
            return zero();
        }
        if ("AccountsReceivable".equals(account.accountType)) {
            Money total = zero();
            for (CustomerEntity customer : data.customers.values()) {
                total = total.plus(customerBalance(customer));
            }
            return total;
        }
        String id = account.listId;
        Money open = account.openBalance == null ? zero() : account.openBalance;
        Money debit = creditNormal(account) ? open.negate() : open;
        for (PaymentEntity payment : data.payments.values()) {
            if (id.equals(payment.depositToAccountListId) && payment.depositTxnId == null) {
                debit = debit.plus(payment.totalAmount);
            }
        }
        for (DepositEntity deposit : data.deposits.values()) {
            if (id.equals(deposit.depositToAccountListId)) {
                debit = debit.plus(deposit.total(data.currency));
            }
            for (DepositEntity.Line line : deposit.lines) {
                if (line.paymentTxnId == null && id.equals(line.accountListId)) {
                    debit = debit.minus(line.amount);
                }
            }
            if (id.equals(deposit.cashBackAccountListId) && deposit.cashBackAmount != null) {
                debit = debit.plus(deposit.cashBackAmount);
            }
        }
        for (CheckEntity check : data.checks.values()) {
            if (id.equals(check.bankAccountListId)) {
                debit = debit.minus(check.total(data.currency));
            }
            for (CheckEntity.ExpenseLine line : check.lines) {
                if (id.equals(line.accountListId)) {
                    debit = debit.plus(line.amount);
                }
            }
        }
        for (RefundEntity refund : data.refunds.values()) {
            if (id.equals(refund.refundFromAccountListId)) {
                debit = debit.minus(refund.total(data.currency));
            }
        }
        return creditNormal(account) ? debit.negate() : debit;
    }

    private static boolean creditNormal(AccountEntity account) {
        return switch (account.accountType) {
            case "AccountsPayable", "CreditCard", "OtherCurrentLiability", "LongTermLiability", "Equity" -> true;
            default -> false;
        };
    }
}
