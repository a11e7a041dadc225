package io.mlconnector.testkit.qbo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The subset of the QuickBooks Online query language the fake understands:
 * {@code SELECT * | COUNT(*) FROM <Entity> [WHERE <field> <op> <value> [AND …]] [ORDERBY <field> [ASC|DESC]]
 * [STARTPOSITION n] [MAXRESULTS m]} with {@code = != < > <= >= LIKE IN (…)}; values quoted with
 * {@code '…'} (backslash escapes a quote), or {@code true}/{@code false}. A field may be a path such
 * as {@code MetaData.LastUpdatedTime}; a reference field ({@code CustomerRef}) compares its value.
 * Like QuickBooks, it refuses MAXRESULTS above 1000 and anything it cannot parse (code 4000).
 */
final class QboFakeQuery {

    record Condition(String field, String op, List<String> values) {
    }

    final boolean count;
    final String entity;
    final List<Condition> conditions = new ArrayList<>();
    String orderBy;
    boolean descending;
    int startPosition = 1;
    int maxResults = 100;

    private QboFakeQuery(boolean count, String entity) {
        this.count = count;
        this.entity = entity;
    }

    static QboFakeQuery parse(String text) {
        List<String> t = tokens(text);
        int i = 0;
        expect(t, i++, "SELECT");
        boolean count;
        if (t.size() > i && t.get(i).equals("*")) {
            count = false;
            i++;
        } else if (t.size() > i + 3 && t.get(i).equalsIgnoreCase("COUNT") && t.get(i + 1).equals("(") && t.get(i + 2).equals("*") && t.get(i + 3).equals(")")) {
            count = true;
            i += 4;
        } else {
            throw QboFault.queryParser("only SELECT * and SELECT COUNT(*) are supported by the fake");
        }
        expect(t, i++, "FROM");
        if (t.size() <= i) {
            throw QboFault.queryParser("missing entity");
        }
        QboFakeQuery q = new QboFakeQuery(count, t.get(i++));
        if (t.size() > i && t.get(i).equalsIgnoreCase("WHERE")) {
            i++;
            while (true) {
                if (t.size() < i + 3) {
                    throw QboFault.queryParser("incomplete condition");
                }
                String field = t.get(i++);
                String op = t.get(i++).toUpperCase(Locale.ROOT);
                List<String> values = new ArrayList<>();
                if (op.equals("IN")) {
                    expect(t, i++, "(");
                    while (!t.get(i).equals(")")) {
                        if (!t.get(i).equals(",")) {
                            values.add(value(t.get(i)));
                        }
                        i++;
                    }
                    i++;
                } else if (List.of("=", "!=", "<", ">", "<=", ">=", "LIKE").contains(op)) {
                    values.add(value(t.get(i++)));
                } else {
                    throw QboFault.queryParser("unsupported operator " + op);
                }
                q.conditions.add(new Condition(field, op, values));
                if (t.size() > i && t.get(i).equalsIgnoreCase("AND")) {
                    i++;
                    continue;
                }
                break;
            }
        }
        while (t.size() > i) {
            String keyword = t.get(i++).toUpperCase(Locale.ROOT);
            switch (keyword) {
                case "ORDERBY" -> {
                    q.orderBy = t.get(i++);
                    if (t.size() > i && (t.get(i).equalsIgnoreCase("ASC") || t.get(i).equalsIgnoreCase("DESC"))) {
                        q.descending = t.get(i++).equalsIgnoreCase("DESC");
                    }
                }
                case "STARTPOSITION" -> q.startPosition = number(t, i++);
                case "MAXRESULTS" -> {
                    q.maxResults = number(t, i++);
                    if (q.maxResults > 1000) {
                        throw QboFault.queryParser("MAXRESULTS may not exceed 1000");
                    }
                }
                default -> throw QboFault.queryParser("unexpected '" + keyword + "'");
            }
        }
        return q;
    }

    List<ObjectNode> apply(List<ObjectNode> rows) {
        List<ObjectNode> matching = new ArrayList<>(rows.stream().filter(this::matches).toList());
        if (orderBy != null) {
            Comparator<ObjectNode> c = (a, b) -> compare(field(a, orderBy), field(b, orderBy) == null ? "" : field(b, orderBy).asText());
            matching.sort(descending ? c.reversed() : c);
        }
        int from = Math.min(Math.max(startPosition, 1) - 1, matching.size());
        int to = Math.min(from + maxResults, matching.size());
        return matching.subList(from, to);
    }

    long count(List<ObjectNode> rows) {
        return rows.stream().filter(this::matches).count();
    }

    private boolean matches(ObjectNode row) {
        for (Condition c : conditions) {
            JsonNode node = field(row, c.field());
            boolean ok = switch (c.op()) {
                case "=" -> node != null && compare(node, c.values().get(0)) == 0;
                case "!=" -> node == null || compare(node, c.values().get(0)) != 0;
                case "<" -> node != null && compare(node, c.values().get(0)) < 0;
                case ">" -> node != null && compare(node, c.values().get(0)) > 0;
                case "<=" -> node != null && compare(node, c.values().get(0)) <= 0;
                case ">=" -> node != null && compare(node, c.values().get(0)) >= 0;
                case "IN" -> node != null && c.values().stream().anyMatch(v -> compare(node, v) == 0);
                case "LIKE" -> node != null && like(node.asText(), c.values().get(0));
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode field(ObjectNode row, String path) {
        JsonNode node = row;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node != null && node.isObject() && node.has("value")) {
            node = node.get("value");
        }
        if (node == null && path.equals("Active")) {
            return com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
        }
        return node;
    }

    private static int compare(JsonNode node, String value) {
        if (node == null) {
            return -1;
        }
        if (node.isNumber()) {
            try {
                return node.decimalValue().compareTo(new BigDecimal(value));
            } catch (NumberFormatException e) {
                return node.asText().compareTo(value);
            }
        }
        if (node.isBoolean()) {
            return Boolean.compare(node.asBoolean(), Boolean.parseBoolean(value));
        }
        String text = node.asText();
        if (text.matches("-?\\d+(\\.\\d+)?") && value.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(text).compareTo(new BigDecimal(value));
        }
        if (text.length() > 10 && text.charAt(10) == 'T' && value.length() >= 10) {
            try {
                return OffsetDateTime.parse(text).compareTo(OffsetDateTime.parse(value.length() == 10 ? value + "T00:00:00Z" : value));
            } catch (DateTimeParseException e) {
                return text.compareTo(value);
            }
        }
        return text.compareTo(value);
    }

    private static boolean like(String text, String pattern) {
        String regex = ("\\Q" + pattern.toLowerCase(Locale.ROOT) + "\\E").replace("%", "\\E.*\\Q");
        return text.toLowerCase(Locale.ROOT).matches(regex);
    }

    private static String value(String token) {
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1);
        }
        return token;
    }

    private static int number(List<String> t, int i) {
        try {
            return Integer.parseInt(t.get(i));
        } catch (RuntimeException e) {
            throw QboFault.queryParser("expected a number");
        }
    }

    private static void expect(List<String> t, int i, String keyword) {
        if (t.size() <= i || !t.get(i).equalsIgnoreCase(keyword)) {
            throw QboFault.queryParser("expected " + keyword);
        }
    }

    /** Words, symbols and quoted strings (kept with their quotes, escapes resolved). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder s = new StringBuilder("'");
                i++;
                while (i < text.length() && text.charAt(i) != '\'') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    s.append(text.charAt(i++));
                }
                if (i >= text.length()) {
                    throw QboFault.queryParser("unterminated string");
                }
                i++;
                out.add(s.append('\'').toString());
            } else if ("(),*".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if ("=<>!".indexOf(c) >= 0) {
                int j = i + 1;
                if (j < text.length() && text.charAt(j) == '=' || (c == '<' && j < text.length() && text.charAt(j) == '>')) {
                    j++;
                }
                String op = text.substring(i, j);
                out.add(op.equals("<>") ? "!=" : op);
                i = j;
            } else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && "(),*=<>!'".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
