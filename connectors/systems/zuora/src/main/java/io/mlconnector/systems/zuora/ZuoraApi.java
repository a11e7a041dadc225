package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.OutboundHttp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The calls every pair makes to Zuora, returning our own types with {@code Money} amounts.
 *
 * <p>Reads use Zuora's Object Query API ({@code /object-query/...}: one object by id or number with
 * {@code expand[]}, lists with {@code filter[]}, {@code sort[]}, {@code pageSize} up to 99 and a
 * {@code cursor} from the previous page's {@code nextPage}). Accounts are created and updated with
 * the v1 CRUD operations ({@code POST /v1/accounts}, {@code PUT /v1/accounts/{key}}).
 */
public final class ZuoraApi {

    /** Object Query allows 1 to 99 per page. */
    public static final int MAX_PAGE_SIZE = 99;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ZuoraHttp http;
    private final Map<String, String> accountCurrencies = new HashMap<>();

    public ZuoraApi(ZuoraConnection connection, ZuoraTokens tokens, OutboundHttp outbound) {
        this.http = new ZuoraHttp(connection, tokens, outbound);
    }

    // ---------------------------------------------------------------- accounts

    public Optional<ZuoraAccount> account(String key) {
        return http.get("/object-query/accounts/" + key(key)).map(ZuoraAccount::from);
    }

    /** The account carrying this CRM id (our link to the customer in the books), if any. */
    public Optional<ZuoraAccount> accountByCrmId(String crmId) {
        String query = "/object-query/accounts?pageSize=2&" + param("filter[]", "crmid.EQ:" + crmId);
        List<ZuoraAccount> found = new ArrayList<>();
        http.get(query).ifPresent(json -> json.path("data").forEach(a -> found.add(ZuoraAccount.from(a))));
        if (found.size() > 1) {
            throw new CannotProcess("Two Zuora accounts carry the CRM id " + crmId + " (" + found.get(0).accountNumber()
                    + " and " + found.get(1).accountNumber() + "): clear it on the wrong one.");
        }
        return found.stream().findFirst();
    }

    /** Creates an account; a retry with the same idempotency key makes no second one. */
    public CreatedAccount createAccount(ZuoraAccountDraft draft, String idempotencyKey) {
        JsonNode answer = http.post("/v1/accounts", draft.forCreate(), idempotencyKey);
        String id = ZuoraJson.text(answer, "accountId");
        if (id == null) {
            throw new CannotProcess("Zuora created an account but did not say its id");
        }
        accountCurrencies.put(id, draft.currency());
        return new CreatedAccount(id, ZuoraJson.text(answer, "accountNumber"));
    }

    public void updateAccount(String key, ZuoraAccountDraft draft) {
        http.put("/v1/accounts/" + key(key), draft.forUpdate());
    }

    // ---------------------------------------------------------------- invoices, payments, refunds

    public Optional<ZuoraInvoice> invoice(String key) {
        return http.get("/object-query/invoices/" + key(key) + "?" + param("expand[]", "invoiceitems"))
                .map(json -> ZuoraInvoice.from(json, currency(json)));
    }

    public Optional<ZuoraPayment> payment(String key) {
        return http.get("/object-query/payments/" + key(key) + "?" + param("expand[]", "paymentapplications"))
                .map(json -> ZuoraPayment.from(json, currency(json)));
    }

    public Optional<ZuoraRefund> refund(String key) {
        return http.get("/object-query/refunds/" + key(key)).map(json -> ZuoraRefund.from(json, currency(json)));
    }

    /** Invoices changed after {@code after}, oldest change first, with their items. */
    public ZuoraPage<ZuoraInvoice> invoicesUpdatedAfter(Instant after, String cursor, int pageSize) {
        return list("invoices", "invoiceitems", after, cursor, pageSize, ZuoraInvoice::from);
    }

    /** Payments changed after {@code after}, oldest change first, with the invoices they were applied to. */
    public ZuoraPage<ZuoraPayment> paymentsUpdatedAfter(Instant after, String cursor, int pageSize) {
        return list("payments", "paymentapplications", after, cursor, pageSize, ZuoraPayment::from);
    }

    public ZuoraPage<ZuoraRefund> refundsUpdatedAfter(Instant after, String cursor, int pageSize) {
        return list("refunds", null, after, cursor, pageSize, ZuoraRefund::from);
    }

    private <T> ZuoraPage<T> list(String object, String expand, Instant after, String cursor, int pageSize,
                                  BiFunction<JsonNode, String, T> parse) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Zuora pages hold 1 to " + MAX_PAGE_SIZE + " objects");
        }
        StringBuilder query = new StringBuilder("/object-query/").append(object).append("?pageSize=").append(pageSize)
                .append('&').append(param("filter[]", "updateddate.GT:" + after.truncatedTo(ChronoUnit.SECONDS)))
                .append('&').append(param("sort[]", "updateddate.ASC"));
        if (expand != null) {
            query.append('&').append(param("expand[]", expand));
        }
        if (cursor != null) {
            query.append('&').append(param("cursor", cursor));
        }
        JsonNode page = http.get(query.toString()).orElseThrow(() -> new CannotProcess("Zuora has no " + object + " list"));
        List<T> items = new ArrayList<>();
        for (JsonNode json : page.path("data")) {
            items.add(parse.apply(json, currency(json)));
        }
        return new ZuoraPage<>(items, ZuoraJson.text(page, "nextPage"));
    }

    /** The object's own currency, else its account's (read once per account). */
    private String currency(JsonNode json) {
        String own = ZuoraJson.text(json, "currency");
        if (own != null && !own.isBlank()) {
            return own;
        }
        String accountId = ZuoraJson.text(json, "accountId");
        if (accountId == null) {
            throw new CannotProcess("Zuora sent an object with neither a currency nor an account");
        }
        String known = accountCurrencies.get(accountId);
        if (known != null) {
            return known;
        }
        String currency = account(accountId).map(ZuoraAccount::currency)
                .orElseThrow(() -> new CannotProcess("Zuora has no account " + accountId));
        accountCurrencies.put(accountId, currency);
        return currency;
    }

    private static String key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new CannotProcess("Not a Zuora id or number: " + (key == null ? "nothing" : "'" + key + "'"));
        }
        return key;
    }

    private static String param(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
