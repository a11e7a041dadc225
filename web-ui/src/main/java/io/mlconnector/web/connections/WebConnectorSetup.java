package io.mlconnector.web.connections;

import io.micronaut.http.HttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.people.SignInThrottle;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.platform.qbwc.QuickBooksQueue;
import io.mlconnector.platform.qbwc.WebConnectorAccount;
import io.mlconnector.platform.qbwc.WebConnectorAccounts;
import io.mlconnector.platform.qbwc.QwcFiles;
import io.mlconnector.platform.qbwc.WsdlDocument;
import io.mlconnector.web.support.PageNotFound;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/**
 * The Web Connector side of a connection as its page shows it: the .qwc file, the password shown
 * once, and what the Web Connector last did. Everything comes from the platform's Web Connector
 * service; nothing here knows what the accounting system is.
 */
@Singleton
public class WebConnectorSetup {

    /** What the page shows about the Web Connector of one connection. */
    public record Status(String systemName, String userName, boolean passwordSet, Instant lastPolledAt, Instant lastAnsweredAt,
                         String qbxmlVersion, String unreachableMessage, Instant unreachableAt, int pending, int runEveryMinutes,
                         String appUrl, SignInThrottle.RecentFailures wrongPasswords) {

        public boolean unreachableNow() {
            return unreachableAt != null && (lastAnsweredAt == null || unreachableAt.isAfter(lastAnsweredAt));
        }
    }

    /** A new password, in clear this once. */
    public record NewPassword(String userName, String password) {
    }

    private final WebConnectorAccounts accounts;
    private final QuickBooksQueue queue;
    private final WsdlDocument wsdl;
    private final QwcFiles files;

    public WebConnectorSetup(WebConnectorAccounts accounts, QuickBooksQueue queue, WsdlDocument wsdl, QwcFiles files) {
        this.accounts = accounts;
        this.queue = queue;
        this.wsdl = wsdl;
        this.files = files;
    }

    public Status status(UUID tenantId, UUID connectionId, ConnectionOverview.Summary summary) {
        WebConnectorAccount account = notFoundAsPage(() -> accounts.ensure(tenantId, connectionId));
        return new Status(summary.webConnectorSystem(), account.userName(), account.passwordSet(), account.lastPolledAt(),
                account.lastAnsweredAt(), account.qbxmlVersion(), account.unreachableMessage(), account.unreachableAt(),
                queue.pending(tenantId, connectionId, null), summary.runEveryMinutes(), wsdl.serviceAddress(),
                accounts.recentWrongPasswords(account));
    }

    /** Replaces the Web Connector password; the previous one stops working. */
    public NewPassword newPassword(UUID tenantId, UUID connectionId) {
        String password = notFoundAsPage(() -> accounts.newPassword(tenantId, connectionId));
        return new NewPassword(accounts.ensure(tenantId, connectionId).userName(), password);
    }

    /** The connection's .qwc file, as the platform writes it. */
    public HttpResponse<String> qwc(UUID connectionId, Authentication authentication) {
        return notFoundAsPage(() -> files.write(CurrentTenant.of(authentication).tenantId(), connectionId).asDownload());
    }

    private static <T> T notFoundAsPage(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (NotFound e) {
            throw new PageNotFound();
        }
    }
}
