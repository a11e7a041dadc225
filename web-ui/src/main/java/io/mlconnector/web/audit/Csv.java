package io.mlconnector.web.audit;

import java.util.List;

/**
 * Writes CSV as RFC 4180 says (fields with commas, quotes or line breaks are quoted, quotes doubled,
 * lines end in CRLF) and defuses cells a spreadsheet would run as a formula: a cell starting with
 * =, +, -, @, tab or carriage return gets a leading apostrophe, so text from outside (a payer's name,
 * an error message) can never become a formula in the reader's spreadsheet.
 */
public final class Csv {

    private Csv() {
    }

    public static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.startsWith(" ") || text.endsWith(" ");
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
