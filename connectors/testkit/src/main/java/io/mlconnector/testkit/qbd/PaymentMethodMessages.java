package io.mlconnector.testkit.qbd;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/** PaymentMethodAdd and PaymentMethodQuery. */
final class PaymentMethodMessages {

    private PaymentMethodMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("PaymentMethodAddRq", PaymentMethodMessages::add);
        handlers.put("PaymentMethodQueryRq", PaymentMethodMessages::query);
    }

    private static void add(Element rq, MessageContext ctx, QbResponse response) {
        Element add = Xml.child(rq, "PaymentMethodAdd");
        PaymentMethodEntity method = new PaymentMethodEntity();
        method.name = Xml.text(add, "Name");
        ListChecks.requireUniqueName(ctx.data.paymentMethods, method.name, null);
        String active = Xml.text(add, "IsActive");
        if (active != null) {
            method.active = QbValues.bool(active, "IsActive");
        }
        method.paymentMethodType = Xml.text(add, "PaymentMethodType");
        if (method.paymentMethodType == null) {
            method.paymentMethodType = "Other";
        }
        ctx.data.stampNew(method);
        ctx.data.paymentMethods.put(method.listId, method);
        response.add(ret(response, ctx, method));
    }

    private static void query(Element rq, MessageContext ctx, QbResponse response) {
        Set<String> types = Set.copyOf(Xml.texts(rq, "PaymentMethodType"));
        Selection<PaymentMethodEntity> selection = ListFilters.select(rq, ctx.data.paymentMethods.values(),
                m -> m.name, ctx, m -> types.isEmpty() || types.contains(m.paymentMethodType));
        List<String> ids = selection.items().stream().map(m -> m.listId).toList();
        QueryResults.respond(response, rq, "PaymentMethodQueryRq", ctx, ids, id -> {
            PaymentMethodEntity method = ctx.data.paymentMethods.get(id);
            return method == null ? null : ret(response, ctx, method);
        }, selection.missing());
    }

    static Element ret(QbResponse response, MessageContext ctx, PaymentMethodEntity m) {
        return response.ret("PaymentMethodRet")
                .leaf("ListID", m.listId)
                .leaf("TimeCreated", QbValues.dateTime(m.timeCreated, ctx.data.zone()))
                .leaf("TimeModified", QbValues.dateTime(m.timeModified, ctx.data.zone()))
                .leaf("EditSequence", m.editSequence)
                .leaf("Name", m.name)
                .leaf("IsActive", m.active)
                .leaf("PaymentMethodType", m.paymentMethodType)
                .root();
    }
}
