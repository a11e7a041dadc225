package io.mlconnector.testkit.qbd;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A fresh simulated company file for one test, and Web Connectors wired to it. Use directly
 * ({@code QbdFixture.create()}) or let {@link QbdExtension} inject one per test.
 */
public final class QbdFixture {

    private final SimulatedCompanyFile companyFile;

    private QbdFixture(SimulatedCompanyFile companyFile) {
        this.companyFile = companyFile;
    }

    public static QbdFixture create() {
        return new QbdFixture(SimulatedCompanyFile.create());
    }

    public static QbdFixture of(SimulatedCompanyFile companyFile) {
        return new QbdFixture(companyFile);
    }

    public SimulatedCompanyFile companyFile() {
        return companyFile;
    }

    public SimulatedClock clock() {
        return companyFile.clock();
    }

    /** A Web Connector for the service at {@code endpoint}; NoOp pauses are shortened for tests. */
    public WebConnectorSimulator.Builder webConnector(URI endpoint, String userName, String password) {
        return WebConnectorSimulator.builder(endpoint, companyFile).userName(userName).password(password)
                .noOpDelay(Duration.ofMillis(10));
    }

    /** A Web Connector configured from a .qwc file the service produced. */
    public WebConnectorSimulator.Builder webConnector(Path qwcFile, String password) throws IOException {
        return WebConnectorSimulator.fromQwc(QwcFile.read(qwcFile), password, companyFile)
                .noOpDelay(Duration.ofMillis(10));
    }

    /** One session, start to end, with default settings. */
    public SessionResult runSession(URI endpoint, String userName, String password) {
        return webConnector(endpoint, userName, password).build().runSession();
    }
}
