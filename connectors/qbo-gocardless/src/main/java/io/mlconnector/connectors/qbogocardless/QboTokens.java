package io.mlconnector.connectors.qbogocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.oauth.AccessToken;
import io.mlconnector.systems.qbo.QboAccessTokens;

/** The connection's Intuit grant, as the QuickBooks Online client asks for it. */
final class QboTokens implements QboAccessTokens {

    private final ConnectorContext context;
    private AccessToken token;

    QboTokens(ConnectorContext context, AccessToken token) {
        this.context = context;
        this.token = token;
    }

    @Override
    public String current() {
        return token.value();
    }

    @Override
    public String refresh(String rejected) {
        token = context.oauth().renewed(QboGoCardlessSpec.QBO, token);
        return token.value();
    }
}
