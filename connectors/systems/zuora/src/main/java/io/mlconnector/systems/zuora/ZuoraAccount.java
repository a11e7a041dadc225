package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A Zuora customer account.
 *
 * @param crmId the id of the customer in the books (we keep the QuickBooks ListID here), or null
 */
public record ZuoraAccount(String id, String accountNumber, String name, String currency, String crmId,
                           int billCycleDay, Instant updatedDate) {

    static ZuoraAccount from(JsonNode json) {
        return new ZuoraAccount(ZuoraJson.text(json, "id"), ZuoraJson.text(json, "accountNumber"),
                ZuoraJson.text(json, "name"), ZuoraJson.text(json, "currency"), ZuoraJson.text(json, "crmId"),
                json.path("billCycleDay").asInt(0), ZuoraJson.instant(json, "updatedDate"));
    }
}
