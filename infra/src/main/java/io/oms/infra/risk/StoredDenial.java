package io.oms.infra.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;

/**
 * One risk denial as {@code orders.risk_denials} keeps it (a JSON array of these): the reason and its kind by
 * name, the numbers, and for a rate when the order would pass. The one home of that column's shape.
 */
public record StoredDenial(String reason, String kind, BigDecimal limit, BigDecimal actual, String limitId,
                           String message, Long retryAfterSeconds) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<StoredDenial>> LIST = new TypeReference<>() {};

    /** The column's value: null for no denials. */
    public static String toJson(List<StoredDenial> denials) {
        if (denials == null || denials.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(denials);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk denials not writable", e);
        }
    }

    public static List<StoredDenial> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk denials not readable", e);
        }
    }
}
