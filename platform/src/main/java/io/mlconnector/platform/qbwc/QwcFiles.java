package io.mlconnector.platform.qbwc;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.mlconnector.platform.connections.Connection;
import io.mlconnector.platform.connections.ConnectionService;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.plugins.PluginHost;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Writes a connection's {@code .qwc} file, the one the Web Connector is given to know whom to call,
 * as whoever asks for it (the JSON API or the connection's page) serves it.
 */
@Singleton
public class QwcFiles {

    public static final String MEDIA_TYPE = "application/x-qwc";
    /** The setting a connector may declare for how often the Web Connector runs. */
    static final String RUN_EVERY_SETTING = "qbwc_run_every_minutes";

    /** A written file: its name and its text. */
    public record QwcFile(String fileName, String document) {

        /** The file as a download that is never cached (it names the connection's Web Connector user). */
        public HttpResponse<String> asDownload() {
            return HttpResponse.ok(document)
                    .contentType(MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                    .header("Cache-Control", "no-store");
        }
    }

    /** The public address cannot be used by a Web Connector (plain http to another machine). */
    public static class AddressNotUsable extends RuntimeException {
        public AddressNotUsable(String message) {
            super(message);
        }
    }

    private final WebConnectorAccounts accounts;
    private final WsdlDocument wsdl;
    private final ConnectionService connections;
    private final PluginHost plugins;
    private final String supportUrl;

    public QwcFiles(WebConnectorAccounts accounts, WsdlDocument wsdl, ConnectionService connections, PluginHost plugins,
                    @Value("${ml.qbwc.support-url:}") String supportUrl) {
        this.accounts = accounts;
        this.wsdl = wsdl;
        this.connections = connections;
        this.plugins = plugins;
        this.supportUrl = supportUrl;
    }

    /**
     * The tenant's connection, if its connector reaches QuickBooks Desktop through the Web Connector;
     * otherwise, like another tenant's connection, not found.
     */
    public Connection webConnectorConnection(UUID tenantId, UUID connectionId) {
        Connection connection = connections.get(tenantId, connectionId);
        boolean viaWebConnector = plugins.connector(connection.connectorId()).map(c -> c.spec().usesWebConnector()).orElse(false);
        if (!viaWebConnector) {
            throw new NotFound("Web Connector set-up for this connection");
        }
        return connection;
    }

    public QwcFile write(UUID tenantId, UUID connectionId) {
        Connection connection = webConnectorConnection(tenantId, connectionId);
        String appUrl = wsdl.serviceAddress();
        if (!QwcDocument.acceptableUrl(appUrl)) {
            throw new AddressNotUsable("The Web Connector only talks to an https address (or http on the same machine), but this "
                    + "server's public address is " + appUrl + ". Set ML_PUBLIC_BASE_URL to its https address.");
        }
        WebConnectorAccount account = accounts.ensure(tenantId, connectionId);
        String shortId = connectionId.toString().substring(0, 8);
        String name = connection.name().length() > 60 ? connection.name().substring(0, 60) : connection.name();
        String document = QwcDocument.write(new QwcDocument.Contents(
                "ml-connector " + name + " (" + shortId + ")",
                appUrl,
                "ml-connector keeps this QuickBooks company file in step with the payments of connection \"" + name + "\".",
                supportUrl.isBlank() ? appUrl.substring(0, appUrl.length() - "/qbwc".length()) + "/" : supportUrl,
                account.userName(),
                WebConnectorAccount.guid(account.ownerId()),
                WebConnectorAccount.guid(account.fileId()),
                QwcDocument.runEveryMinutes(connection.settings().get(RUN_EVERY_SETTING))));
        return new QwcFile("ml-connector-" + QwcDocument.slug(connection.name(), shortId) + ".qwc", document);
    }
}
