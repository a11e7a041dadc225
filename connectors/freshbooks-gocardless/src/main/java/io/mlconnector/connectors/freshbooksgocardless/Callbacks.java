package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.Credentials;
import io.mlconnector.systems.freshbooks.FreshBooksApi;
import io.mlconnector.systems.freshbooks.FreshBooksCallback;
import io.mlconnector.systems.freshbooks.FreshBooksException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The FreshBooks webhooks of a connection, registered by the connector for the connection's address:
 * registered after connecting and again whenever one has gone, activated with the verifier FreshBooks
 * posts, and listed for people (pick list {@code freshbooks-callbacks}: event, verified or waiting).
 */
final class Callbacks {

    /** The events this pair acts on. Payments recorded by other means show as invoice updates. */
    static final List<String> EVENTS = List.of("invoice.create", "invoice.update", "invoice.delete",
            "client.create", "client.update");

    /** Registers what is missing, asks again for what is unverified, replaces what we cannot check. */
    void ensure(ConnectorContext ctx, FreshBooksApi api, String accountId) {
        Optional<String> address = ctx.webhookUrl(Keys.FRESHBOOKS);
        if (address.isEmpty()) {
            ctx.log().log(System.Logger.Level.WARNING, "No public address for FreshBooks webhooks; relying on the poll");
            return;
        }
        String uri = address.get();
        List<FreshBooksCallback> ours = new ArrayList<>(api.callbacks(accountId).stream()
                .filter(c -> uri.equals(c.uri())).toList());
        for (String event : EVENTS) {
            Optional<FreshBooksCallback> existing = ours.stream().filter(c -> event.equals(c.event())).findFirst();
            if (existing.isEmpty()) {
                register(ctx, api, accountId, event, uri);
            } else if (!existing.get().verified()) {
                String id = existing.get().id();
                Optional<String> pending = ctx.credentials().get(Keys.pendingVerifier(id));
                if (pending.isPresent()) {
                    complete(ctx, api, accountId, id);
                } else {
                    ctx.ids().replace(Keys.CALLBACK, id, event);
                    api.resendVerification(accountId, id);
                }
            } else if (!holdsVerifier(ctx, existing.get().id())) {
                // Verified, but its key is not ours to check deliveries with: start again.
                api.deleteCallback(accountId, existing.get().id());
                ctx.ids().remove(Keys.CALLBACK, existing.get().id());
                register(ctx, api, accountId, event, uri);
            }
        }
        pruneVerifiers(ctx, api.callbacks(accountId));
        list(ctx, api.callbacks(accountId));
    }

    /** Handles the handshake event: sends the pending verifier back; FreshBooks' yes makes it our key. */
    void complete(ConnectorContext ctx, FreshBooksApi api, String accountId, String callbackId) {
        Credentials credentials = ctx.credentials();
        Optional<String> pending = credentials.get(Keys.pendingVerifier(callbackId));
        if (pending.isEmpty()) {
            return;
        }
        String verifier = pending.get();
        try {
            api.verifyCallback(accountId, callbackId, verifier);
        } catch (FreshBooksException e) {
            // A wrong verifier (a forged handshake) or a callback deleted meanwhile: forget it.
            credentials.put(Keys.pendingVerifier(callbackId), null);
            ctx.audit().record(callbackId, "callback.verify", "refused", callbackId, null, e.getMessage());
            return;
        }
        Set<String> verifiers = new LinkedHashSet<>(credentials.all(Keys.VERIFIERS));
        verifiers.add(verifier);
        credentials.put(Keys.VERIFIERS, String.join(" ", verifiers));
        ctx.ids().replace(Keys.CALLBACK_VERIFIER, callbackId, Keys.fingerprint(verifier));
        if (!ctx.credentials().all(Keys.VERIFIERS).contains(verifier)) {
            throw new RetryLater("Another verification was stored at the same moment; storing this one again");
        }
        credentials.put(Keys.pendingVerifier(callbackId), null);
        ctx.audit().record(callbackId, "callback.verified", "ok", callbackId, null,
                "FreshBooks webhook " + ctx.ids().target(Keys.CALLBACK, callbackId).orElse("") + " verified");
        ctx.pickLists().put(Keys.CALLBACKS, List.of(new Choice(callbackId,
                ctx.ids().target(Keys.CALLBACK, callbackId).orElse("callback " + callbackId), "verified")));
    }

    /** Writes the connection's callbacks into the list people see. */
    void list(ConnectorContext ctx, List<FreshBooksCallback> callbacks) {
        String uri = ctx.webhookUrl(Keys.FRESHBOOKS).orElse(null);
        ctx.pickLists().replace(Keys.CALLBACKS, callbacks.stream().filter(c -> c.uri() != null && c.uri().equals(uri))
                .map(c -> new Choice(c.id(), c.event(), c.verified() ? "verified" : "waiting for FreshBooks' verification"))
                .toList());
    }

    private void register(ConnectorContext ctx, FreshBooksApi api, String accountId, String event, String uri) {
        // Noted before FreshBooks can post the handshake, so the receiver recognises it.
        FreshBooksCallback created = api.registerCallback(accountId, event, uri);
        ctx.ids().replace(Keys.CALLBACK, created.id(), event);
        ctx.audit().record(created.id(), "callback.registered", "ok", created.id(), null,
                "FreshBooks webhook " + event + " registered; waiting for FreshBooks' verification");
    }

    private boolean holdsVerifier(ConnectorContext ctx, String callbackId) {
        Optional<String> fingerprint = ctx.ids().target(Keys.CALLBACK_VERIFIER, callbackId);
        return fingerprint.isPresent() && ctx.credentials().all(Keys.VERIFIERS).stream()
                .anyMatch(v -> Keys.fingerprint(v).equals(fingerprint.get()));
    }

    /** Keeps only the keys of callbacks that still exist, so a deleted callback's key signs nothing. */
    private void pruneVerifiers(ConnectorContext ctx, List<FreshBooksCallback> callbacks) {
        Set<String> live = new LinkedHashSet<>();
        for (FreshBooksCallback c : callbacks) {
            ctx.ids().target(Keys.CALLBACK_VERIFIER, c.id()).ifPresent(live::add);
        }
        List<String> stored = ctx.credentials().all(Keys.VERIFIERS);
        List<String> kept = stored.stream().filter(v -> live.contains(Keys.fingerprint(v))).toList();
        if (kept.size() != stored.size()) {
            ctx.credentials().put(Keys.VERIFIERS, kept.isEmpty() ? null : String.join(" ", kept));
        }
    }
}
