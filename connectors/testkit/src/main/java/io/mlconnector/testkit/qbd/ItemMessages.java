package io.mlconnector.testkit.qbd;

import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** ItemServiceAdd and ItemQuery (which answers with ItemServiceRet elements). */
final class ItemMessages {

    private ItemMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("ItemServiceAddRq", ItemMessages::add);
        handlers.put("ItemQueryRq", ItemMessages::query);
    }

    private static void add(Element rq, MessageContext ctx, QbResponse response) {
        Element add = Xml.child(rq, "ItemServiceAdd");
        ItemEntity item = new ItemEntity();
        item.name = Xml.text(add, "Name");
        ListChecks.requireUniqueName(ctx.data.items, item.name, null);
        String active = Xml.text(add, "IsActive");
        if (active != null) {
            item.active = QbValues.bool(active, "IsActive");
        }
        Element salesOrPurchase = Xml.child(add, "SalesOrPurchase");
        if (salesOrPurchase != null) {
            item.desc = Xml.text(salesOrPurchase, "Desc");
            item.price = Xml.text(salesOrPurchase, "Price");
            Element accountRef = Xml.child(salesOrPurchase, "AccountRef");
            item.accountListId = accountRef == null ? null : ctx.account(accountRef, "ItemService").listId;
        } else {
            Element both = Xml.child(add, "SalesAndPurchase");
            item.desc = Xml.text(both, "SalesDesc");
            item.price = Xml.text(both, "SalesPrice");
            Element accountRef = Xml.child(both, "IncomeAccountRef");
            item.accountListId = accountRef == null ? null : ctx.account(accountRef, "ItemService").listId;
        }
        ctx.data.stampNew(item);
        ctx.data.items.put(item.listId, item);
        response.add(ret(response, ctx, item));
    }

    private static void query(Element rq, MessageContext ctx, QbResponse response) {
        Selection<ItemEntity> selection = ListFilters.select(rq, ctx.data.items.values(), i -> i.name, ctx,
                i -> true);
        List<String> ids = selection.items().stream().map(i -> i.listId).toList();
        QueryResults.respond(response, rq, "ItemQueryRq", ctx, ids, id -> {
            ItemEntity item = ctx.data.items.get(id);
            return item == null ? null : ret(response, ctx, item);
        }, selection.missing());
    }

    static Element ret(QbResponse response, MessageContext ctx, ItemEntity i) {
        RetWriter w = response.ret("ItemServiceRet")
                .leaf("ListID", i.listId)
                .leaf("TimeCreated", QbValues.dateTime(i.timeCreated, ctx.data.zone()))
                .leaf("TimeModified", QbValues.dateTime(i.timeModified, ctx.data.zone()))
                .leaf("EditSequence", i.editSequence)
                .leaf("Name", i.name)
                .leaf("FullName", i.name)
                .leaf("IsActive", i.active)
                .leaf("Sublevel", 0);
        w.open("SalesOrPurchase").leaf("Desc", i.desc).leaf("Price", i.price);
        ctx.ref(w, "AccountRef", i.accountListId);
        w.close();
        return w.root();
    }
}
