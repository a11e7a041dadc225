package io.mlconnector.testkit.qbd;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/** AccountAdd and AccountQuery. */
final class AccountMessages {

    private AccountMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("AccountAddRq", AccountMessages::add);
        handlers.put("AccountQueryRq", AccountMessages::query);
    }

    private static void add(Element rq, MessageContext ctx, QbResponse response) {
        Element add = Xml.child(rq, "AccountAdd");
        AccountEntity account = new AccountEntity();
        account.name = Xml.text(add, "Name");
        ListChecks.requireUniqueName(ctx.data.accounts, account.name, null);
        account.accountType = Xml.text(add, "AccountType");
        account.accountNumber = Xml.text(add, "AccountNumber");
        account.desc = Xml.text(add, "Desc");
        String active = Xml.text(add, "IsActive");
        if (active != null) {
            account.active = QbValues.bool(active, "IsActive");
        }
        String open = Xml.text(add, "OpenBalance");
        if (open != null) {
            account.openBalance = ctx.amount(open);
        }
        ctx.data.stampNew(account);
        ctx.data.accounts.put(account.listId, account);
        response.add(ret(response, ctx, account));
    }

    private static void query(Element rq, MessageContext ctx, QbResponse response) {
        Set<String> types = Set.copyOf(Xml.texts(rq, "AccountType"));
        Selection<AccountEntity> selection = ListFilters.select(rq, ctx.data.accounts.values(), a -> a.name, ctx,
                a -> types.isEmpty() || types.contains(a.accountType));
        List<String> ids = selection.items().stream().map(a -> a.listId).toList();
        QueryResults.respond(response, rq, "AccountQueryRq", ctx, ids, id -> {
            AccountEntity account = ctx.data.accounts.get(id);
            return account == null ? null : ret(response, ctx, account);
        }, selection.missing());
    }

    static Element ret(QbResponse response, MessageContext ctx, AccountEntity a) {
        RetWriter w = response.ret("AccountRet");
        String balance = ctx.amount(ctx.ledger.accountBalance(a));
        w.leaf("ListID", a.listId)
                .leaf("TimeCreated", QbValues.dateTime(a.timeCreated, ctx.data.zone()))
                .leaf("TimeModified", QbValues.dateTime(a.timeModified, ctx.data.zone()))
                .leaf("EditSequence", a.editSequence)
                .leaf("Name", a.name)
                .leaf("FullName", a.name)
                .leaf("IsActive", a.active)
                .leaf("Sublevel", 0)
                .leaf("AccountType", a.accountType)
                .leaf("SpecialAccountType", a.specialAccountType)
                .leaf("AccountNumber", a.accountNumber)
                .leaf("Desc", a.desc)
                .leaf("Balance", balance)
                .leaf("TotalBalance", balance)
                .leaf("CashFlowClassification", "None");
        return w.root();
    }
}
