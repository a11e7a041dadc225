package io.mlconnector.testkit.qbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QbdExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QbdExtensionTest {

    @Test
    @Order(1)
    void everyParameterOfOneTestSharesOneCompanyFile(QbdFixture fixture, SimulatedCompanyFile file,
            SimulatedClock clock) {
        assertSame(fixture.companyFile(), file);
        assertSame(file.clock(), clock);
        file.addCustomer("Left Behind Ltd");
        assertEquals(1, fixture.companyFile().customers().size());
    }

    @Test
    @Order(2)
    void theNextTestStartsWithAnEmptyCompanyFile(SimulatedCompanyFile file) {
        assertTrue(file.customers().isEmpty(), "customers left from the previous test: " + file.customers());
    }
}
