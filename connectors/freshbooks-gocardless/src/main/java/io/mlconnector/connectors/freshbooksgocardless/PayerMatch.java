package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.freshbooks.FreshBooksClient;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessCustomer;
import io.mlconnector.systems.gocardless.connector.GoCardlessCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the GoCardless customer of a FreshBooks client: the ledger first (links made before or chosen by a
 * person), then the client's e-mail, then a customer whose metadata names the client. Finding none, or
 * several, is for a person to settle; the list they pick from is GoCardless's customers plus "not in
 * GoCardless yet", which asks the client for a mandate.
 */
final class PayerMatch {

    static final String METADATA_CLIENT = "freshbooks_client_id";

    /** Empty when a person must say who pays. */
    Optional<Payer> find(ConnectorContext ctx, GoCardlessApi gc, FreshBooksClient client) {
        Optional<String> known = ctx.ids().target(Keys.CLIENT_CUSTOMER, client.id());
        if (known.isPresent()) {
            return Optional.of(Keys.NEW_PAYER.equals(known.get()) ? Payer.newPayer() : new Payer(known.get()));
        }
        List<GoCardlessCustomer> customers = GoCardlessCalls.call(gc::listCustomers);
        offer(ctx, customers);
        List<GoCardlessCustomer> byEmail = client.email() == null || client.email().isBlank() ? List.of()
                : customers.stream().filter(c -> c.email() != null
                        && c.email().trim().toLowerCase(Locale.ROOT).equals(client.email().trim().toLowerCase(Locale.ROOT))).toList();
        List<GoCardlessCustomer> matches = byEmail.isEmpty()
                ? customers.stream().filter(c -> client.id().equals(c.metadata().get(METADATA_CLIENT))).toList()
                : byEmail;
        if (matches.size() != 1) {
            return Optional.empty();
        }
        ctx.ids().put(Keys.CLIENT_CUSTOMER, client.id(), matches.get(0).id());
        ctx.audit().record(client.id(), "client.matched", "ok", client.id(), matches.get(0).id(),
                "FreshBooks client " + client.displayName() + " is GoCardless customer " + matches.get(0).displayName()
                        + (byEmail.isEmpty() ? " (by metadata)" : " (by e-mail)"));
        return Optional.of(new Payer(matches.get(0).id()));
    }

    /** Keeps the list people choose from current. */
    private static void offer(ConnectorContext ctx, List<GoCardlessCustomer> customers) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(Keys.NEW_PAYER, "Not in GoCardless yet", "Send them a link to set up a Direct Debit"));
        for (GoCardlessCustomer c : customers) {
            choices.add(new Choice(c.id(), c.displayName(), c.email()));
        }
        ctx.pickLists().put(Keys.GC_CUSTOMERS, choices);
    }
}
