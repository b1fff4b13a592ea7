package io.oms.api.audit;

import io.oms.infra.persistence.AuditEntry;
import io.oms.infra.persistence.AuditRecord;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An audit record as the API shows it; {@code before} and {@code after} are JSON documents (or null). */
public record AuditEntryResource(
        String id,
        Long seq,
        Instant at,
        String actor,
        String action,
        String resourceType,
        String resourceId,
        Long resourceVersion,
        JsonNode before,
        JsonNode after,
        String detail,
        String ip,
        String userAgent,
        String prevHash,
        String hash) {

    static AuditEntryResource of(AuditEntry e, JsonMapper json) {
        AuditRecord r = e.record();
        return new AuditEntryResource(e.id().toString(), e.seq(), r.at(), r.actor(), r.action(), r.resourceType(),
                r.resourceId(), r.resourceVersion(), parse(r.beforeJson(), json), parse(r.afterJson(), json), r.detail(),
                r.ip(), r.userAgent(), e.prevHash(), e.hash());
    }

    private static JsonNode parse(String text, JsonMapper json) {
        return text == null ? null : json.readTree(text);
    }
}
