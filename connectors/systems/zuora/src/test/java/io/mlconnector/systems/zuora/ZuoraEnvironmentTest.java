package io.mlconnector.systems.zuora;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ZuoraEnvironmentTest {

    @Test
    void eachEnvironmentHasItsHostAndACustomOneIsChecked() {
        assertEquals("https://rest.eu.zuora.com", ZuoraEnvironment.byId("eu-production").resolve(null));
        assertEquals("https://rest.apisandbox.zuora.com", ZuoraEnvironment.byId("us-sandbox-cloud-2").resolve("ignored"));
        assertEquals("https://rest.example.zuora.com", ZuoraEnvironment.CUSTOM.resolve(" https://rest.example.zuora.com/ "));
        assertThrows(IllegalArgumentException.class, () -> ZuoraEnvironment.CUSTOM.resolve("http://rest.zuora.com"));
        assertThrows(IllegalArgumentException.class, () -> ZuoraEnvironment.CUSTOM.resolve("https://rest.zuora.com/v1"));
        assertThrows(IllegalArgumentException.class, () -> ZuoraEnvironment.CUSTOM.resolve(""));
    }
}
