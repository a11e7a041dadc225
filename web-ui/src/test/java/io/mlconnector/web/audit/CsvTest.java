package io.mlconnector.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        StringBuilder out = new StringBuilder();

        Csv.row(out, Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, ""));

        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n", out.toString());
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", Csv.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'-2", Csv.cell("-2"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\t=1", Csv.cell("\t=1"));
        assertEquals("PM123", Csv.cell("PM123"));
    }
}
