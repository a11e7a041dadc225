package io.mlconnector.testkit.qbd;

import java.util.ArrayList;
import java.util.List;

/** Converts stored objects into the immutable records tests inspect. */
final class CompanyViews {

    private final CompanyData data;
    private final Ledger ledger;

    CompanyViews(CompanyData data) {
        this.data = data;
        this.ledger = new Ledger(data);
    }

    private String amount(io.mlconnector.api.money.Money money) {
        return QbValues.amount(money);
    }

    QbCustomer customer(CustomerEntity c) {
        return new QbCustomer(c.listId, c.editSequence, c.timeCreated, c.timeModified, c.name,
                data.customerFullName(c), c.active, c.companyName, c.firstName, c.lastName, c.email, c.phone,
                c.accountNumber, c.notes, amount(ledger.customerBalance(c)), amount(ledger.customerTotalBalance(c)),
                c.billAddress);
    }

    QbAccount account(AccountEntity a) {
        return new QbAccount(a.listId, a.editSequence, a.name, a.accountType, a.specialAccountType, a.accountNumber,
                a.active, amount(ledger.accountBalance(a)));
    }

    QbInvoice invoice(InvoiceEntity i) {
        return new QbInvoice(i.txnId, i.editSequence, i.timeCreated, i.timeModified, i.txnNumber, i.refNumber,
                i.customerListId, data.listName(i.customerListId), i.txnDate, i.dueDate, i.memo,
                amount(i.subtotal(data.currency)), amount(ledger.invoiceApplied(i)), amount(ledger.invoiceBalance(i)),
                ledger.invoiceBalance(i).isZero(), lines(i.lines), links(ledger.invoiceLinks(i.txnId)));
    }

    QbCreditMemo creditMemo(CreditMemoEntity c) {
        return new QbCreditMemo(c.txnId, c.editSequence, c.refNumber, c.customerListId, c.txnDate,
                amount(c.subtotal(data.currency)), amount(ledger.creditRemaining(c)), c.memo, lines(c.lines),
                links(ledger.creditMemoLinks(c.txnId)));
    }

    QbPayment payment(PaymentEntity p) {
        List<QbLink> applied = new ArrayList<>();
        for (PaymentEntity.Application application : p.applications) {
            applied.add(link(application.targetTxnId, "Invoice", application.amount));
        }
        return new QbPayment(p.txnId, p.editSequence, p.timeCreated, p.timeModified, p.txnNumber, p.refNumber,
                p.customerListId, data.listName(p.customerListId), p.txnDate, amount(p.totalAmount),
                amount(ledger.unusedPayment(p)), data.listName(p.paymentMethodListId),
                data.listName(p.depositToAccountListId), p.memo, p.depositTxnId, applied);
    }

    QbDeposit deposit(DepositEntity d) {
        List<QbDeposit.Line> lines = new ArrayList<>();
        for (DepositEntity.Line line : d.lines) {
            lines.add(new QbDeposit.Line(line.txnLineId, line.paymentTxnId, data.listName(line.entityListId),
                    data.listName(line.accountListId), line.memo, amount(line.amount)));
        }
        return new QbDeposit(d.txnId, d.editSequence, d.timeCreated, d.timeModified, d.txnDate,
                data.listName(d.depositToAccountListId), d.memo, amount(d.total(data.currency)), lines);
    }

    QbRefund refund(RefundEntity r) {
        List<QbLink> from = new ArrayList<>();
        for (RefundEntity.Application application : r.applications) {
            TxnEntity credit = data.anyTxn(application.creditTxnId());
            from.add(link(application.creditTxnId(), credit == null ? null : credit.txnType(), application.amount()));
        }
        return new QbRefund(r.txnId, r.editSequence, r.refNumber, r.customerListId, r.txnDate,
                data.listName(r.refundFromAccountListId), amount(r.total(data.currency)), r.memo, from);
    }

    QbCheck check(CheckEntity c) {
        List<QbCheck.Line> lines = new ArrayList<>();
        for (CheckEntity.ExpenseLine line : c.lines) {
            lines.add(new QbCheck.Line(line.txnLineId, data.listName(line.accountListId),
                    data.listName(line.itemListId), amount(line.amount), line.memo,
                    data.listName(line.customerListId)));
        }
        return new QbCheck(c.txnId, c.editSequence, c.refNumber, data.listName(c.bankAccountListId),
                data.listName(c.payeeListId), c.txnDate, amount(c.total(data.currency)), c.memo, lines);
    }

    private List<QbLine> lines(List<SalesLine> lines) {
        List<QbLine> result = new ArrayList<>();
        for (SalesLine line : lines) {
            result.add(new QbLine(line.txnLineId, data.listName(line.itemListId), line.desc, line.quantity, line.rate,
                    amount(line.amount)));
        }
        return result;
    }

    private List<QbLink> links(List<Ledger.Link> links) {
        List<QbLink> result = new ArrayList<>();
        for (Ledger.Link l : links) {
            result.add(link(l.txnId(), l.txnType(), l.amount()));
        }
        return result;
    }

    private QbLink link(String txnId, String txnType, io.mlconnector.api.money.Money amount) {
        TxnEntity txn = data.anyTxn(txnId);
        return new QbLink(txnId, txnType, txn == null ? null : txn.refNumber, amount(amount));
    }
}
