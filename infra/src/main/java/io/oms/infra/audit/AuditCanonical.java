package io.oms.infra.audit;

import io.oms.infra.persistence.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical text of an audit record and its link hash: the Java twin of the SQL functions
 * {@code audit_canonical} and {@code audit_link_hash} (migration V6), which hash every record as it is inserted.
 * The verifier recomputes with this one, so a record, a hash, or either function changed alone shows as a
 * broken link. Each field is {@code ~} (null) or its UTF-8 length, {@code :} and its text; {@code before} and
 * {@code after} are PostgreSQL's rendering of the stored jsonb, {@code at} microseconds in UTC.
 */
public final class AuditCanonical {
    /** What the first record of a tenant links to. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditCanonical() {}

    public static String text(long seq, AuditRecord r) {
        StringBuilder b = new StringBuilder("v1");
        for (String field : new String[] {r.tenantId(), Long.toString(seq), at(r.at()), r.actor(), r.action(),
                r.resourceType(), r.resourceId(), r.resourceVersion() == null ? null : r.resourceVersion().toString(),
                r.beforeJson(), r.afterJson(), r.detail(), r.ip(), r.userAgent()}) {
            b.append('|');
            if (field == null) {
                b.append('~');
            } else {
                b.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
            }
        }
        return b.toString();
    }

    /** hex(sha256(utf8(prevHash + "|" + canonical))). */
    public static String linkHash(String prevHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((prevHash + "|" + canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String at(Instant at) {
        return at == null ? null : AT.format(at);
    }
}
