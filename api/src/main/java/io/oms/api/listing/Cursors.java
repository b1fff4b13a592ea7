package io.oms.api.listing;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opaque cursors: base64url of {@code [version, listing, sort, key...]}, the key being the sort values of the
 * last row of a page. A cursor is only accepted by the listing and sort that issued it; anything else, or
 * anything that does not decode, is a 400. A cursor holds no secret and grants nothing: every query is scoped
 * to the caller's tenant, so a hand-made cursor can only move within the caller's own rows.
 */
final class Cursors {
    private static final String VERSION = "c1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cursors() {}

    static String encode(String listing, String sort, List<String> key) {
        List<String> parts = new ArrayList<>(List.of(VERSION, listing, sort));
        parts.addAll(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(parts));
    }

    static List<String> decode(String cursor, String listing, String sort) {
        JsonNode parts;
        try {
            parts = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw invalid("is not a cursor this API issued");
        }
        if (parts == null || !parts.isArray() || parts.size() < 4 || !VERSION.equals(text(parts.get(0)))) {
            throw invalid("is not a cursor this API issued");
        }
        if (!listing.equals(text(parts.get(1))) || !sort.equals(text(parts.get(2)))) {
            throw invalid("was issued for another listing or sort; keep the sort of the first page");
        }
        List<String> key = new ArrayList<>();
        for (int i = 3; i < parts.size(); i++) {
            String value = text(parts.get(i));
            if (value == null) throw invalid("is not a cursor this API issued");
            key.add(value);
        }
        return key;
    }

    static ApiException invalid(String problem) {
        return ApiException.validation(List.of(new FieldProblem("cursor", problem)));
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
