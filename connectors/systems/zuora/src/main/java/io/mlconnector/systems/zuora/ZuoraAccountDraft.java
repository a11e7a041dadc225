package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * What we send to create or update an account. Zuora fixes an account's currency when it is
 * created, so an update leaves it (and the bill cycle day) alone.
 *
 * @param crmId the customer's id in the books, kept on the account so either side finds the other
 */
public record ZuoraAccountDraft(String name, String currency, int billCycleDay, String crmId, ZuoraContact billTo) {

    public ZuoraAccountDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(billTo, "billTo");
        if (billCycleDay < 0 || billCycleDay > 31) {
            throw new IllegalArgumentException("A bill cycle day is 1 to 31 (0: Zuora picks it)");
        }
    }

    ObjectNode forCreate() {
        ObjectNode node = ZuoraJson.object();
        node.put("name", name);
        node.put("currency", Objects.requireNonNull(currency, "currency"));
        node.put("billCycleDay", billCycleDay);
        node.put("autoPay", false);
        if (crmId != null) {
            node.put("crmId", crmId);
        }
        node.set("billToContact", billTo.json());
        return node;
    }

    ObjectNode forUpdate() {
        ObjectNode node = ZuoraJson.object();
        node.put("name", name);
        if (crmId != null) {
            node.put("crmId", crmId);
        }
        node.set("billToContact", billTo.json());
        return node;
    }
}
