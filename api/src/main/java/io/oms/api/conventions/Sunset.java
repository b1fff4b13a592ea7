package io.oms.api.conventions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Announces that an endpoint (a handler method, or every handler of a controller) is deprecated and when it
 * goes away. {@link SunsetHeaders} adds to each of its answers, errors included: {@code Deprecation} (RFC 9745,
 * the date it was deprecated), {@code Sunset} (RFC 8594, the HTTP-date after which it may stop answering) and
 * {@code Link}s to the documentation of the change ({@code rel="sunset"}) and to the endpoint that replaces it
 * ({@code rel="successor-version"}). Dates are ISO dates (UTC midnight); a malformed one fails startup.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Sunset {
    /** When the deprecation was announced, e.g. {@code 2026-12-01}. */
    String deprecatedSince();

    /** The date after which the endpoint may be removed, e.g. {@code 2027-06-30}. */
    String date();

    /** A page describing the deprecation and the migration (absolute URL or a path); optional. */
    String link() default "";

    /** The endpoint that replaces this one (absolute URL or a path); optional. */
    String successor() default "";
}
