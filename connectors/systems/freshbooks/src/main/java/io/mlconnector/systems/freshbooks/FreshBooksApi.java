package io.mlconnector.systems.freshbooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mlconnector.systems.freshbooks.http.AccessTokens;
import io.mlconnector.systems.freshbooks.http.Backoff;
import io.mlconnector.systems.freshbooks.http.FreshBooksHttp;
import io.mlconnector.systems.freshbooks.http.HttpSender;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The FreshBooks REST API in our own small types, for one connection. Accounting paths are under the
 * business's {@code accountId} (from {@link #identity()}); lists are read page by page, at most
 * {@link Page#MAX_PER_PAGE} at a time.
 */
public final class FreshBooksApi {

    /** FreshBooks' production API. */
    public static final URI PRODUCTION = URI.create("https://api.freshbooks.com");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final FreshBooksHttp http;

    public FreshBooksApi(FreshBooksHttp http) {
        this.http = http;
    }

    /** A client on the JDK's HTTP client with the standard backoff. */
    public static FreshBooksApi connect(URI base, AccessTokens tokens) {
        return new FreshBooksApi(new FreshBooksHttp(base, tokens, HttpSender.standard(), Backoff.standard()));
    }

    /** HTTP requests sent so far, retries included: for benchmarks and for tests that count calls. */
    public int calls() {
        return http.calls();
    }

    // ---------------------------------------------------------------- identity

    public FreshBooksIdentity identity() {
        JsonObject me = Json.object(http.get("/auth/api/v1/users/me", Map.of()), "response");
        List<FreshBooksBusiness> businesses = new ArrayList<>();
        JsonElement memberships = me == null ? null : me.get("business_memberships");
        if (memberships != null && memberships.isJsonArray()) {
            for (JsonElement membership : memberships.getAsJsonArray()) {
                JsonObject m = membership.getAsJsonObject();
                JsonObject business = Json.object(m, "business");
                if (business != null) {
                    businesses.add(new FreshBooksBusiness(Json.text(business, "id"), Json.text(business, "account_id"),
                            Json.text(business, "name"), Json.text(m, "role")));
                }
            }
        }
        return new FreshBooksIdentity(Json.text(me, "id"), Json.text(me, "email"), businesses);
    }

    // ---------------------------------------------------------------- clients

    public FreshBooksClient client(String accountId, String clientId) {
        return client(Json.object(Json.result(http.get(accounting(accountId, "users/clients/" + clientId), Map.of())),
                "client"));
    }

    /** Active clients whose e-mail is exactly this address. */
    public List<FreshBooksClient> clientsByEmail(String accountId, String email) {
        Map<String, String> search = new LinkedHashMap<>();
        search.put("search[email]", email);
        return all(page -> clientsPage(accountId, page, Page.MAX_PER_PAGE, search));
    }

    /** Every client, page by page (e.g. to fill a pick list). */
    public List<FreshBooksClient> clients(String accountId) {
        return all(page -> clientsPage(accountId, page, Page.MAX_PER_PAGE, Map.of()));
    }

    public Page<FreshBooksClient> clientsPage(String accountId, int page, int perPage, Map<String, String> search) {
        return page(http.get(accounting(accountId, "users/clients"), paging(page, perPage, search)), "clients",
                FreshBooksApi::client);
    }

    // ---------------------------------------------------------------- invoices

    public FreshBooksInvoice invoice(String accountId, String invoiceId) {
        return invoice(Json.object(Json.result(http.get(accounting(accountId, "invoices/invoices/" + invoiceId),
                Map.of())), "invoice"));
    }

    /**
     * Invoices updated at or after {@code updatedMin} (FreshBooks' own {@code updated} text, as read from an
     * invoice), oldest pages first; all invoices when null.
     */
    public List<FreshBooksInvoice> invoicesUpdatedSince(String accountId, String updatedMin) {
        Map<String, String> search = new LinkedHashMap<>();
        if (updatedMin != null) {
            search.put("search[updated_min]", updatedMin);
        }
        return all(page -> invoicesPage(accountId, page, Page.MAX_PER_PAGE, search));
    }

    /** Every invoice of one client, deleted ones left out. */
    public List<FreshBooksInvoice> invoicesOfClient(String accountId, String clientId) {
        Map<String, String> search = new LinkedHashMap<>();
        search.put("search[customerid]", clientId);
        return all(page -> invoicesPage(accountId, page, Page.MAX_PER_PAGE, search));
    }

    public Page<FreshBooksInvoice> invoicesPage(String accountId, int page, int perPage, Map<String, String> search) {
        return page(http.get(accounting(accountId, "invoices/invoices"), paging(page, perPage, search)), "invoices",
                FreshBooksApi::invoice);
    }

    // ---------------------------------------------------------------- payments

    public FreshBooksPayment payment(String accountId, String paymentId) {
        return payment(Json.object(Json.result(http.get(accounting(accountId, "payments/payments/" + paymentId),
                Map.of())), "payment"));
    }

    /** The payments recorded on one invoice, deleted ones included (FreshBooks lists them with vis_state 1). */
    public List<FreshBooksPayment> paymentsOfInvoice(String accountId, String invoiceId) {
        Map<String, String> search = new LinkedHashMap<>();
        search.put("search[invoiceid]", invoiceId);
        return all(page -> page(http.get(accounting(accountId, "payments/payments"),
                paging(page, Page.MAX_PER_PAGE, search)), "payments", FreshBooksApi::payment));
    }

    public FreshBooksPayment createPayment(String accountId, NewPayment payment) {
        JsonObject fields = new JsonObject();
        fields.addProperty("invoiceid", payment.invoiceId());
        fields.add("amount", FreshBooksAmounts.write(payment.amount()));
        fields.addProperty("date", DAY.format(payment.date()));
        fields.addProperty("type", payment.type());
        if (payment.note() != null) {
            fields.addProperty("note", payment.note());
        }
        JsonObject body = new JsonObject();
        body.add("payment", fields);
        return payment(Json.object(Json.result(http.post(accounting(accountId, "payments/payments"), body)), "payment"));
    }

    /** Deletes a payment the way FreshBooks does: by setting its vis_state to 1. The invoice is owed again. */
    public void deletePayment(String accountId, String paymentId) {
        JsonObject fields = new JsonObject();
        fields.addProperty("vis_state", 1);
        JsonObject body = new JsonObject();
        body.add("payment", fields);
        http.put(accounting(accountId, "payments/payments/" + paymentId), body);
    }

    // ---------------------------------------------------------------- expenses

    public List<FreshBooksExpenseCategory> expenseCategories(String accountId) {
        return all(page -> page(http.get(accounting(accountId, "expenses/categories"),
                paging(page, Page.MAX_PER_PAGE, Map.of())), "categories",
                c -> new FreshBooksExpenseCategory(firstText(c, "categoryid", "id"), Json.text(c, "category"))));
    }

    public FreshBooksExpense createExpense(String accountId, NewExpense expense) {
        JsonObject fields = new JsonObject();
        fields.addProperty("categoryid", expense.categoryId());
        fields.addProperty("staffid", expense.staffId());
        fields.add("amount", FreshBooksAmounts.write(expense.amount()));
        fields.addProperty("date", DAY.format(expense.date()));
        if (expense.vendor() != null) {
            fields.addProperty("vendor", expense.vendor());
        }
        if (expense.notes() != null) {
            fields.addProperty("notes", expense.notes());
        }
        JsonObject body = new JsonObject();
        body.add("expense", fields);
        return expense(Json.object(Json.result(http.post(accounting(accountId, "expenses/expenses"), body)), "expense"));
    }

    public FreshBooksExpense expense(String accountId, String expenseId) {
        return expense(Json.object(Json.result(http.get(accounting(accountId, "expenses/expenses/" + expenseId),
                Map.of())), "expense"));
    }

    // ---------------------------------------------------------------- callbacks (webhooks)

    public List<FreshBooksCallback> callbacks(String accountId) {
        return all(page -> page(http.get(callbacksPath(accountId), paging(page, Page.MAX_PER_PAGE, Map.of())),
                "callbacks", FreshBooksApi::callback));
    }

    /** Registers a callback; FreshBooks then posts a verification code to the URI (see {@link #verifyCallback}). */
    public FreshBooksCallback registerCallback(String accountId, String event, String uri) {
        JsonObject fields = new JsonObject();
        fields.addProperty("event", event);
        fields.addProperty("uri", uri);
        JsonObject body = new JsonObject();
        body.add("callback", fields);
        return callback(Json.object(Json.result(http.post(callbacksPath(accountId), body)), "callback"));
    }

    /** Sends back the verification code FreshBooks posted, which activates the callback. */
    public FreshBooksCallback verifyCallback(String accountId, String callbackId, String verifier) {
        JsonObject fields = new JsonObject();
        fields.addProperty("verifier", verifier);
        JsonObject body = new JsonObject();
        body.add("callback", fields);
        return callback(Json.object(Json.result(http.put(callbacksPath(accountId) + "/" + callbackId, body)), "callback"));
    }

    /** Asks FreshBooks to post the verification code again. */
    public void resendVerification(String accountId, String callbackId) {
        JsonObject fields = new JsonObject();
        fields.addProperty("resend", true);
        JsonObject body = new JsonObject();
        body.add("callback", fields);
        http.put(callbacksPath(accountId) + "/" + callbackId, body);
    }

    public void deleteCallback(String accountId, String callbackId) {
        http.delete(callbacksPath(accountId) + "/" + callbackId);
    }

    // ---------------------------------------------------------------- reading

    private static String accounting(String accountId, String resource) {
        return "/accounting/account/" + segment(accountId) + "/" + resource;
    }

    private static String callbacksPath(String accountId) {
        return "/events/account/" + segment(accountId) + "/events/callbacks";
    }

    /** Ids go into paths; refuse anything that could walk out of the path segment. */
    private static String segment(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("Not a FreshBooks id: '" + id + "'");
        }
        return id;
    }

    private static Map<String, String> paging(int page, int perPage, Map<String, String> search) {
        Map<String, String> query = new LinkedHashMap<>(search);
        query.put("page", Integer.toString(Math.max(1, page)));
        query.put("per_page", Integer.toString(Math.max(1, Math.min(Page.MAX_PER_PAGE, perPage))));
        return query;
    }

    private static <T> Page<T> page(JsonObject answer, String listName, Function<JsonObject, T> read) {
        JsonObject result = Json.result(answer);
        List<T> items = new ArrayList<>();
        JsonElement list = result.get(listName);
        if (list != null && list.isJsonArray()) {
            for (JsonElement item : (JsonArray) list) {
                items.add(read.apply(item.getAsJsonObject()));
            }
        }
        return new Page<>(items, Json.number(result, "page", 1), Json.number(result, "pages", 1),
                Json.number(result, "per_page", items.size()), Json.number(result, "total", items.size()));
    }

    private static <T> List<T> all(IntFunction<Page<T>> fetch) {
        List<T> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<T> current = fetch.apply(page);
            all.addAll(current.items());
            if (current.last() || current.items().isEmpty()) {
                return all;
            }
        }
    }

    private static String firstText(JsonObject holder, String... names) {
        for (String name : names) {
            String value = Json.text(holder, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static FreshBooksClient client(JsonObject c) {
        return new FreshBooksClient(firstText(c, "id", "userid"), Json.text(c, "email"), Json.text(c, "organization"),
                Json.text(c, "fname"), Json.text(c, "lname"), Json.text(c, "currency_code"), Json.number(c, "vis_state", 0));
    }

    static FreshBooksInvoice invoice(JsonObject i) {
        String status = Optional.ofNullable(Json.text(i, "v3_status")).orElse(statusName(Json.number(i, "status", 0)));
        return new FreshBooksInvoice(firstText(i, "invoiceid", "id"), Json.text(i, "invoice_number"),
                Json.text(i, "customerid"), status, Json.money(i, "amount"), Json.money(i, "outstanding"),
                Json.money(i, "paid"), Json.date(i, "due_date"), Json.text(i, "updated"), Json.number(i, "vis_state", 0));
    }

    static FreshBooksPayment payment(JsonObject p) {
        return new FreshBooksPayment(firstText(p, "id", "paymentid"), Json.text(p, "invoiceid"), Json.money(p, "amount"),
                Json.date(p, "date"), Json.text(p, "type"), Json.text(p, "note"), Json.number(p, "vis_state", 0));
    }

    static FreshBooksExpense expense(JsonObject e) {
        return new FreshBooksExpense(firstText(e, "expenseid", "id"), Json.text(e, "categoryid"), Json.money(e, "amount"),
                Json.date(e, "date"), Json.text(e, "vendor"), Json.text(e, "notes"), Json.number(e, "vis_state", 0));
    }

    static FreshBooksCallback callback(JsonObject c) {
        return new FreshBooksCallback(firstText(c, "callbackid", "id"), Json.text(c, "event"), Json.text(c, "uri"),
                Json.flag(c, "verified"));
    }

    /** FreshBooks' numeric invoice status, for answers without {@code v3_status}. */
    private static String statusName(int status) {
        return switch (status) {
            case 1 -> "draft";
            case 2 -> "sent";
            case 3 -> "viewed";
            case 4 -> "paid";
            case 5 -> "auto-paid";
            case 6 -> "retry";
            case 7 -> "failed";
            case 8 -> "partial";
            default -> "unknown";
        };
    }
}
