package io.mlconnector.systems.zuora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Zuora's JSON: amounts are decimal numbers read as BigDecimal (never double), dates ISO. */
final class ZuoraJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ZuoraJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode read(String body) {
        try {
            return MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new CannotProcess("Zuora answered with something that is not JSON");
        }
    }

    static JsonNode readQuietly(String body) {
        try {
            JsonNode json = MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
            return json == null ? MissingNode.getInstance() : json;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An amount in the object's currency; a missing amount is zero. */
    static Money money(JsonNode node, String field, String currency) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Money.ofMinor(0, currency);
        }
        BigDecimal decimal = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
        return Money.parse(decimal.toPlainString(), currency);
    }

    static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    /** Zuora writes times with an offset, e.g. 2026-03-16T05:12:31-07:00. */
    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(text);
        }
    }
}
