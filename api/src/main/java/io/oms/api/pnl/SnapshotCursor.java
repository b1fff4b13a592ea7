package io.oms.api.pnl;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/** The opaque position in the snapshot history: the last (trading date, account) of a page. */
record SnapshotCursor(LocalDate date, String account) {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((date + "|" + account).getBytes(StandardCharsets.UTF_8));
    }

    static SnapshotCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new SnapshotCursor(LocalDate.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (RuntimeException e) {
            throw ApiException.validation(List.of(new FieldProblem("cursor", "is not a cursor this API issued")));
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored snapshot positions are not JSON", e);
        }
    }
}
