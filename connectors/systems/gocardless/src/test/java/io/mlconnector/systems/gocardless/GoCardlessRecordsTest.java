package io.mlconnector.systems.gocardless;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GoCardlessRecordsTest {

    private static GoCardlessCustomer customer(String email, String given, String family, String company) {
        return new GoCardlessCustomer("CU1", email, given, family, company, Map.of(), null);
    }

    @Test
    void displayNamePrefersCompanyThenPersonThenEmail() {
        assertEquals("Acme Ltd", customer("a@x.com", "Ada", "L", " Acme Ltd ").displayName());
        assertEquals("Ada Lovelace", customer("a@x.com", "Ada", "Lovelace", null).displayName());
        assertEquals("Lovelace", customer("a@x.com", null, "Lovelace", "").displayName());
        assertEquals("a@x.com", customer("a@x.com", null, null, null).displayName());
        assertEquals("CU1", customer(null, null, null, null).displayName());
    }

    @Test
    void environmentReadsSettingValues() {
        assertEquals(GoCardlessEnvironment.LIVE, GoCardlessEnvironment.parse(" Live "));
        assertEquals("https://api-sandbox.gocardless.com", GoCardlessEnvironment.parse("sandbox").baseUrl());
        assertThrows(IllegalArgumentException.class, () -> GoCardlessEnvironment.parse("staging"));
    }
}
