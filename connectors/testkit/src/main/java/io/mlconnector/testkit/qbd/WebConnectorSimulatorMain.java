package io.mlconnector.testkit.qbd;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one Web Connector session against a live QBWC service with a simulated company file and
 * prints the transcript.
 *
 * <pre>
 * java -cp testkit.jar:connector-api.jar io.mlconnector.testkit.qbd.WebConnectorSimulatorMain \
 *     --qwc company.qwc --password secret [--country US|UK|CA] [--customer "Jane Doe"]... \
 *     [--invoice "Jane Doe|1001|120.00"]... [--noop-delay-seconds 5]
 * </pre>
 * Instead of --password, --password-env NAME reads the password from an environment variable.
 * Exit status: 0 when the session completed or had nothing to do, 1 otherwise, 2 on bad arguments.
 */
public final class WebConnectorSimulatorMain {

    private WebConnectorSimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path qwcPath = null;
        String password = null;
        String country = "US";
        List<String> customers = new ArrayList<>();
        List<String> invoices = new ArrayList<>();
        Duration noOpDelay = Duration.ofSeconds(5);
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--qwc" -> qwcPath = Path.of(require(value, "--qwc"));
                    case "--password" -> password = require(value, "--password");
                    case "--password-env" -> password = System.getenv(require(value, "--password-env"));
                    case "--country" -> country = require(value, "--country");
                    case "--customer" -> customers.add(require(value, "--customer"));
                    case "--invoice" -> invoices.add(require(value, "--invoice"));
                    case "--noop-delay-seconds" -> noOpDelay = Duration.ofSeconds(Long.parseLong(
                            require(value, "--noop-delay-seconds")));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
                i++;
            }
            if (qwcPath == null || password == null) {
                throw new IllegalArgumentException("--qwc and --password (or --password-env) are required");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: --qwc FILE --password PASSWORD [--country US|UK|CA] [--customer NAME]... "
                    + "[--invoice \"CUSTOMER|REFNUMBER|AMOUNT\"]... [--noop-delay-seconds N]");
            return 2;
        }
        try {
            QwcFile qwc = QwcFile.read(qwcPath);
            SimulatedCompanyFile companyFile = SimulatedCompanyFile.builder().country(country).build();
            for (String customer : customers) {
                companyFile.addCustomer(customer);
            }
            for (String invoice : invoices) {
                String[] parts = invoice.split("\\|");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("--invoice needs CUSTOMER|REFNUMBER|AMOUNT: " + invoice);
                }
                companyFile.addOpenInvoice(parts[0], parts[1], parts[2]);
            }
            SessionResult result = WebConnectorSimulator.fromQwc(qwc, password, companyFile)
                    .noOpDelay(noOpDelay).build().runSession();
            out.println("Web Connector session with " + qwc.appUrl() + " as " + qwc.userName());
            out.print(result.transcript().format());
            out.println("Outcome: " + result.outcome() + (result.failure() == null ? "" : " (" + result.failure() + ")"));
            if (result.lastError() != null) {
                out.println("Last error: " + result.lastError());
            }
            out.println("Round trips: " + result.transcript().roundTrips().size() + ", requests per round trip: "
                    + result.transcript().requestsPerRoundTrip());
            return result.outcome() == SessionOutcome.COMPLETED || result.outcome() == SessionOutcome.NOTHING_TO_DO
                    ? 0 : 1;
        } catch (Exception e) {
            err.println("Failed: " + e.getMessage());
            return 1;
        }
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
