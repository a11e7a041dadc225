package io.mlconnector.testkit.qbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebConnectorSimulatorMainTest {

    private final ScriptedQbwcServer server = ScriptedQbwcServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        return WebConnectorSimulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path qwcFile() throws Exception {
        Path file = dir.resolve("acme.qwc");
        Files.writeString(file, QwcFileTest.qwc(server.endpoint().toString(),
                "{57F3B9B1-86F1-4fcc-B1EE-566DE1813D20}", ""));
        return file;
    }

    @Test
    void runsOneSessionFromAQwcFileAndPrintsTheTranscript() throws Exception {
        Deque<String> queue = new ArrayDeque<>(List.of(QbXmlDocs.stopOnError(
                "<InvoiceQueryRq><RefNumber>1001</RefNumber></InvoiceQueryRq>")));
        server.on("sendRequestXML", call -> queue.isEmpty() ? "" : queue.poll());
        server.on("receiveResponseXML", call -> call.param("response").contains("<BalanceRemaining>120.00<")
                ? "100" : "-1");

        int status = run("--qwc", qwcFile().toString(), "--password", "s3cret-pw", "--customer", "Jane Doe",
                "--invoice", "Jane Doe|1001|120.00", "--noop-delay-seconds", "0");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed + err.toString(StandardCharsets.UTF_8));
        assertEquals("acme-qb", server.calls("authenticate").get(0).param("strUserName"));
        assertEquals("s3cret-pw", server.calls("authenticate").get(0).param("strPassword"));
        assertTrue(printed.contains("sendRequestXML"), printed);
        assertTrue(printed.contains("Outcome: COMPLETED"), printed);
        assertTrue(printed.contains("Round trips: 1"), printed);
        assertFalse(printed.contains("s3cret-pw"), "the password must not be printed");
    }

    @Test
    void aRefusedLoginEndsWithStatusOne() throws Exception {
        server.onAuthenticate("", "nvu");

        int status = run("--qwc", qwcFile().toString(), "--password", "wrong");

        assertEquals(1, status);
        assertEquals(List.of("serverVersion", "clientVersion", "authenticate"), server.operations());
    }

    @Test
    void missingArgumentsPrintUsageAndCallNobody() {
        int status = run("--qwc");

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
        assertTrue(server.calls().isEmpty());
    }
}
