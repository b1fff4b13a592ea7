package io.oms.ib.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;

/**
 * Lenient parsing of IB execution times: "yyyyMMdd  HH:mm:ss" (classic, gateway-local time),
 * "yyyyMMdd HH:mm:ss US/Eastern" (zone suffix), "yyyyMMdd-HH:mm:ss" (UTC) and epoch seconds.
 */
public final class ExecTimes {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    private ExecTimes() {}

    /** Returns null when the text cannot be parsed: a bad timestamp must not drop a fill. */
    public static Instant parse(String raw, ZoneId localZone) {
        if (raw == null || raw.isBlank()) return null;
        String s = raw.trim();
        try {
            if (s.chars().allMatch(Character::isDigit) && s.length() > 8) return Instant.ofEpochSecond(Long.parseLong(s));
            if (s.length() >= 17 && s.charAt(8) == '-') {
                return LocalDateTime.parse(s.substring(0, 8) + " " + s.substring(9, 17), DATE_TIME).toInstant(ZoneOffset.UTC);
            }
            String compact = s.replaceFirst("^(\\d{8})\\s+", "$1 ");
            if (compact.length() < 17) return null;
            LocalDateTime ldt = LocalDateTime.parse(compact.substring(0, 17), DATE_TIME);
            String zone = compact.substring(17).trim();
            return ldt.atZone(zone.isEmpty() ? localZone : zoneOf(zone, localZone)).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneId zoneOf(String name, ZoneId fallback) {
        try {
            return ZoneId.of(name, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            // Long names such as "Greenwich Mean Time" are not zone ids; TimeZone knows some of them.
            TimeZone tz = TimeZone.getTimeZone(name);
            return "GMT".equals(tz.getID()) && !name.toUpperCase().contains("GMT")
                    && !name.toLowerCase().contains("greenwich") ? fallback : tz.toZoneId();
        }
    }
}
