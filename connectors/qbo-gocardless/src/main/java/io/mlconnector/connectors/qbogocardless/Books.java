package io.mlconnector.connectors.qbogocardless;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.oauth.AccessToken;
import io.mlconnector.systems.qbo.QboClient;
import io.mlconnector.systems.qbo.QboCompany;
import io.mlconnector.systems.qbo.QboEnvironment;
import io.mlconnector.systems.qbo.QboRequestPacer;
import io.mlconnector.systems.qbo.QuickBooksOnline;

/** Opens the connection's QuickBooks Online company: grant, realm, environment and home currency. */
final class Books {

    static final String REALM = "realmId";
    static final String HOME_CURRENCY = "homeCurrency";
    static final String MULTI_CURRENCY = "multiCurrency";

    private Books() {
    }

    static QboClient client(ConnectorContext context) {
        AccessToken token = token(context);
        String realm = token.requireValue(REALM);
        String baseUrl = context.baseUrlOverride(QboGoCardlessSpec.QBO)
                .orElse(token.baseUrl() != null ? token.baseUrl() : QboEnvironment.PRODUCTION.baseUrl());
        return new QboClient(context.http(), baseUrl, realm, new QboTokens(context, token), QboRequestPacer.forRealm(realm));
    }

    /** The company with its home currency as read when it was connected (read again if it was not kept). */
    static QuickBooksOnline open(ConnectorContext context) {
        QboClient client = client(context);
        AccessToken token = token(context);
        String home = token.value(HOME_CURRENCY)
                .or(() -> context.cursors().get("qbo." + HOME_CURRENCY))
                .orElseGet(() -> {
                    QboCompany company = QuickBooksOnline.company(client);
                    context.cursors().set("qbo." + HOME_CURRENCY, company.homeCurrency());
                    context.cursors().set("qbo." + MULTI_CURRENCY, String.valueOf(company.multiCurrency()));
                    return company.homeCurrency();
                });
        return new QuickBooksOnline(client, home);
    }

    /** The connection's current Intuit token; a platform without OAuth connections means "not connected". */
    static AccessToken token(ConnectorContext context) {
        try {
            return context.oauth().current(QboGoCardlessSpec.QBO);
        } catch (UnsupportedOperationException e) {
            throw new CredentialsRejected(QboGoCardlessSpec.QBO, "QuickBooks Online is not connected: this server offers no "
                    + "\"Connect to QuickBooks Online\" yet");
        }
    }

    static boolean multiCurrency(ConnectorContext context) {
        return token(context).value(MULTI_CURRENCY)
                .or(() -> context.cursors().get("qbo." + MULTI_CURRENCY)).map(Boolean::parseBoolean).orElse(false);
    }

    static String requireSetting(ConnectorContext context, String key, String what) {
        return context.settings().get(key).filter(v -> !v.isBlank())
                .orElseThrow(() -> new CannotProcess("Choose the " + what + " in the connection's settings first"));
    }
}
