package io.mlconnector.testkit.qbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class QwcFileTest {

    static String qwc(String appUrl, String ownerId, String scheduler) {
        return "<?xml version=\"1.0\"?>\n<QBWCXML>\n"
                + "  <AppName>ml-connector (Acme)</AppName>\n"
                + "  <AppID></AppID>\n"
                + "  <AppURL>" + appUrl + "</AppURL>\n"
                + "  <AppDescription>Payments into QuickBooks</AppDescription>\n"
                + "  <AppSupport>https://support.example.com/</AppSupport>\n"
                + "  <UserName>acme-qb</UserName>\n"
                + (ownerId == null ? "" : "  <OwnerID>" + ownerId + "</OwnerID>\n")
                + "  <FileID>{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}</FileID>\n"
                + "  <QBType>QBFS</QBType>\n"
                + scheduler
                + "</QBWCXML>\n";
    }

    @Test
    void readsWhatTheWebConnectorUses() {
        QwcFile file = QwcFile.parse(qwc("https://connector.example.com/qbwc", "{57F3B9B1-86F1-4fcc-B1EE-566DE1813D20}",
                "  <Scheduler><RunEveryNMinutes>15</RunEveryNMinutes></Scheduler>\n"));

        assertEquals(URI.create("https://connector.example.com/qbwc"), file.appUrl());
        assertEquals("acme-qb", file.userName());
        assertEquals("{57F3B9B1-86F1-4fcc-B1EE-566DE1813D20}", file.ownerId());
        assertEquals("{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}", file.fileId());
        assertEquals("QBFS", file.qbType());
        assertEquals(15, file.runEveryNMinutes());
        assertNull(file.runEveryNSeconds());
        assertEquals("ml-connector (Acme)", file.appName());
    }

    @Test
    void aServiceOnThisMachineMayUsePlainHttp() {
        QwcFile file = QwcFile.parse(qwc("http://localhost:8080/qbwc", "{57F3B9B1-86F1-4fcc-B1EE-566DE1813D20}", ""));

        assertEquals("localhost", file.appUrl().getHost());
        assertNull(file.runEveryNMinutes());
    }

    @Test
    void plainHttpToAnotherMachineIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QwcFile.parse(
                qwc("http://connector.example.com/qbwc", "{57F3B9B1-86F1-4fcc-B1EE-566DE1813D20}", "")));
        assertTrue(e.getMessage().contains("https"), e.getMessage());
    }

    @Test
    void aMissingOwnerIdIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QwcFile.parse(qwc("https://connector.example.com/qbwc", null, "")));
        assertTrue(e.getMessage().contains("OwnerID"), e.getMessage());
    }

    @Test
    void anOwnerIdWithoutBracesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QwcFile.parse(
                qwc("https://connector.example.com/qbwc", "57F3B9B1-86F1-4fcc-B1EE-566DE1813D20", "")));
    }

    @Test
    void aFileThatIsNotQbwcXmlIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QwcFile.parse("<QBXML/>"));
        assertThrows(IllegalArgumentException.class, () -> QwcFile.parse("<QBWCXML>"));
    }
}
