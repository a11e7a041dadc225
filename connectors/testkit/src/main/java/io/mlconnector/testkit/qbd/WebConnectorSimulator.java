package io.mlconnector.testkit.qbd;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Plays the QuickBooks Web Connector's side of one scheduled update against a QBWC web service
 * over real HTTP: serverVersion, clientVersion, authenticate, then sendRequestXML /
 * receiveResponseXML round trips fed through a {@link SimulatedCompanyFile}, then closeConnection
 * (or getLastError, connectionError, as the protocol requires).
 *
 * <p>Assumptions not confirmed by a primary source: no closeConnection after "none"/"nvu"; after
 * connectionError answered "done" the session is closed with closeConnection; strHCPResponse is
 * sent only on the first sendRequestXML; the default timeout HRESULT (see {@link WebConnectorFaults}).
 */
public final class WebConnectorSimulator {

    /** What a recent Web Connector reports as its version. */
    public static final String DEFAULT_CLIENT_VERSION = "2.3.0.215";
    static final String MASK = "********";

    private final URI endpoint;
    private final String userName;
    private final String password;
    private final SimulatedCompanyFile companyFile;
    private final String clientVersion;
    private final int qbXmlMajorVersion;
    private final int qbXmlMinorVersion;
    private final Duration noOpDelay;
    private final int maxNoOps;
    private final int maxRoundTrips;
    private final WebConnectorFaults faults;
    private final QbwcSoapClient client;

    private WebConnectorSimulator(Builder b) {
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.userName = Objects.requireNonNull(b.userName, "userName");
        this.password = Objects.requireNonNull(b.password, "password");
        this.companyFile = Objects.requireNonNull(b.companyFile, "companyFile");
        this.clientVersion = b.clientVersion;
        this.qbXmlMajorVersion = b.qbXmlMajorVersion;
        this.qbXmlMinorVersion = b.qbXmlMinorVersion;
        this.noOpDelay = b.noOpDelay;
        this.maxNoOps = b.maxNoOps;
        this.maxRoundTrips = b.maxRoundTrips;
        this.faults = b.faults;
        HttpClient http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(b.httpTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.client = new QbwcSoapClient(http, endpoint, b.httpTimeout);
    }

    public static Builder builder(URI endpoint, SimulatedCompanyFile companyFile) {
        return new Builder().endpoint(endpoint).companyFile(companyFile);
    }

    /** Configured from a downloaded .qwc file: AppURL and UserName come from it, the password from the user. */
    public static Builder fromQwc(QwcFile qwc, String password, SimulatedCompanyFile companyFile) {
        return builder(qwc.appUrl(), companyFile).userName(qwc.userName()).password(password);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Runs one update session, start to end. */
    public SessionResult runSession() {
        Session session = new Session();
        try {
            return session.run();
        } catch (QbwcSoapClient.CallFailed e) {
            return session.result(SessionOutcome.TRANSPORT_FAILURE, e.getMessage());
        } finally {
            // The QuickBooks connection ends with the session; its iterators go with it.
            companyFile.endSession();
        }
    }

    /** State of one run. */
    private final class Session {
        private final Transcript transcript = new Transcript();
        private String ticket;
        private String authStatus;
        private String lastError;

        SessionResult run() throws QbwcSoapClient.CallFailed {
            call("serverVersion", new LinkedHashMap<>());
            String clientAnswer = call("clientVersion", QbwcSoapClient.params("strVersion", clientVersion)).result();
            if (clientAnswer != null && clientAnswer.startsWith("E:")) {
                return result(SessionOutcome.CLIENT_VERSION_REJECTED, null);
            }
            List<String> auth = call("authenticate",
                    QbwcSoapClient.params("strUserName", userName, "strPassword", password)).results();
            ticket = auth.isEmpty() ? null : auth.get(0);
            authStatus = auth.size() > 1 && auth.get(1) != null ? auth.get(1) : "";
            if (authStatus.equals("nvu")) {
                return result(SessionOutcome.INVALID_USER, null);
            }
            if (authStatus.equals("none") || authStatus.equals("busy")) {
                return result(SessionOutcome.NOTHING_TO_DO, null);
            }
            String companyFileName = authStatus.isEmpty() ? companyFile.companyFilePath() : authStatus;
            if (faults.unavailable()) {
                return connectionError();
            }
            return exchange(companyFileName);
        }

        /** QuickBooks cannot be reached: tell the service; retry as asked, a few times at most. */
        private SessionResult connectionError() throws QbwcSoapClient.CallFailed {
            for (int attempt = 0; attempt < 3; attempt++) {
                String answer = call("connectionError", QbwcSoapClient.params("ticket", ticket,
                        "hresult", faults.unavailableHresult(), "message", faults.unavailableMessage())).result();
                if (answer == null || answer.equalsIgnoreCase("done")) {
                    break;
                }
            }
            close();
            return result(SessionOutcome.CONNECTION_ERROR, null);
        }

        private SessionResult exchange(String companyFileName) throws QbwcSoapClient.CallFailed {
            boolean first = true;
            int roundTrips = 0;
            int noOps = 0;
            while (true) {
                String request = call("sendRequestXML", sendParameters(first, companyFileName)).result();
                first = false;
                if (request == null || request.isBlank()) {
                    lastError = call("getLastError", QbwcSoapClient.params("ticket", ticket)).result();
                    if ("NoOp".equals(lastError)) {
                        if (++noOps > maxNoOps) {
                            close();
                            return result(SessionOutcome.LIMIT_REACHED, "more than " + maxNoOps + " NoOp answers");
                        }
                        pause();
                        continue;
                    }
                    close();
                    return result(SessionOutcome.SERVER_REPORTED_ERROR, null);
                }
                roundTrips++;
                if (roundTrips == faults.killOnRoundTrip()) {
                    String response = apply(request);
                    transcript.add(new RoundTrip(roundTrips, request, countRequests(request), response, null, null,
                            null, true));
                    return result(SessionOutcome.KILLED, "session killed after round trip " + roundTrips);
                }
                String response;
                String hresult = "";
                String message = "";
                boolean applied = true;
                if (roundTrips == faults.timeoutOnRoundTrip()) {
                    applied = faults.timedOutRequestApplied();
                    if (applied) {
                        apply(request);
                    }
                    response = "";
                    hresult = faults.timeoutHresult();
                    message = faults.timeoutMessage();
                } else {
                    try {
                        response = companyFile.process(request);
                    } catch (QbXmlParseException e) {
                        response = "";
                        hresult = e.hresult();
                        message = e.getMessage();
                        applied = false;
                    }
                }
                String progressText = call("receiveResponseXML", QbwcSoapClient.params("ticket", ticket,
                        "response", response, "hresult", hresult, "message", message)).result();
                int progress = parseProgress(progressText);
                transcript.add(new RoundTrip(roundTrips, request, countRequests(request), response, hresult, message,
                        progress, applied));
                if (progress < 0) {
                    lastError = call("getLastError", QbwcSoapClient.params("ticket", ticket)).result();
                    close();
                    return result(SessionOutcome.SERVER_REPORTED_ERROR, null);
                }
                if (progress >= 100) {
                    close();
                    return result(SessionOutcome.COMPLETED, null);
                }
                if (roundTrips >= maxRoundTrips) {
                    close();
                    return result(SessionOutcome.LIMIT_REACHED, "more than " + maxRoundTrips + " round trips");
                }
            }
        }

        private Map<String, String> sendParameters(boolean first, String companyFileName) {
            return QbwcSoapClient.params("ticket", ticket,
                    "strHCPResponse", first ? companyFile.hcpResponse() : "",
                    "strCompanyFileName", companyFileName,
                    "qbXMLCountry", companyFile.country(),
                    "qbXMLMajorVers", Integer.toString(qbXmlMajorVersion),
                    "qbXMLMinorVers", Integer.toString(qbXmlMinorVersion));
        }

        /** The request reached QuickBooks, whatever happens to the answer afterwards. */
        private String apply(String request) {
            try {
                return companyFile.process(request);
            } catch (QbXmlParseException e) {
                return "";
            }
        }

        private void close() throws QbwcSoapClient.CallFailed {
            call("closeConnection", QbwcSoapClient.params("ticket", ticket));
        }

        private void pause() {
            if (noOpDelay.isZero()) {
                return;
            }
            try {
                Thread.sleep(noOpDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private int parseProgress(String text) throws QbwcSoapClient.CallFailed {
            try {
                return Integer.parseInt(text == null ? "" : text.trim());
            } catch (NumberFormatException e) {
                throw new QbwcSoapClient.CallFailed("receiveResponseXMLResult is not an int: " + text, 200);
            }
        }

        SoapExchange call(String operation, Map<String, String> parameters) throws QbwcSoapClient.CallFailed {
            Map<String, String> recorded = new LinkedHashMap<>(parameters);
            recorded.computeIfPresent("strPassword", (k, v) -> MASK);
            try {
                QbwcSoapClient.Answer answer = client.call(operation, parameters);
                SoapExchange exchange = new SoapExchange(operation, recorded, answer.results(), answer.httpStatus(),
                        null);
                transcript.add(exchange);
                return exchange;
            } catch (QbwcSoapClient.CallFailed e) {
                transcript.add(new SoapExchange(operation, recorded, List.of(), e.httpStatus, e.getMessage()));
                throw e;
            }
        }

        SessionResult result(SessionOutcome outcome, String failure) {
            return new SessionResult(outcome, ticket, authStatus, lastError, failure, transcript);
        }
    }

    /** Number of request elements in a qbXML document; 0 when it cannot be read. */
    static int countRequests(String qbxml) {
        try {
            Element root = Xml.parse(qbxml, false).getDocumentElement();
            Element msgs = Xml.child(root, "QBXMLMsgsRq");
            return msgs == null ? 0 : Xml.children(msgs).size();
        } catch (SAXException e) {
            return 0;
        }
    }

    /** Settings of a simulated Web Connector. */
    public static final class Builder {
        private URI endpoint;
        private String userName;
        private String password;
        private SimulatedCompanyFile companyFile;
        private String clientVersion = DEFAULT_CLIENT_VERSION;
        private int qbXmlMajorVersion = 13;
        private int qbXmlMinorVersion = 0;
        private Duration noOpDelay = Duration.ofSeconds(5);
        private int maxNoOps = 10;
        private int maxRoundTrips = 10_000;
        private Duration httpTimeout = Duration.ofSeconds(30);
        private HttpClient httpClient;
        private WebConnectorFaults faults = WebConnectorFaults.none();

        private Builder() {
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder companyFile(SimulatedCompanyFile companyFile) {
            this.companyFile = companyFile;
            return this;
        }

        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder clientVersion(String clientVersion) {
            this.clientVersion = clientVersion;
            return this;
        }

        public Builder qbXmlVersion(int major, int minor) {
            this.qbXmlMajorVersion = major;
            this.qbXmlMinorVersion = minor;
            return this;
        }

        /** The Web Connector waits about five seconds after "NoOp"; tests usually want less. */
        public Builder noOpDelay(Duration delay) {
            this.noOpDelay = delay;
            return this;
        }

        public Builder maxNoOps(int max) {
            this.maxNoOps = max;
            return this;
        }

        public Builder maxRoundTrips(int max) {
            this.maxRoundTrips = max;
            return this;
        }

        public Builder httpTimeout(Duration timeout) {
            this.httpTimeout = timeout;
            return this;
        }

        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        public Builder faults(WebConnectorFaults faults) {
            this.faults = Objects.requireNonNull(faults);
            return this;
        }

        public WebConnectorSimulator build() {
            return new WebConnectorSimulator(this);
        }
    }
}
