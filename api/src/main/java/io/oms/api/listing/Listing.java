package io.oms.api.listing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a list endpoint's query conventions once, on its handler method: which filters it takes, which sort
 * keys (each in both directions: {@code key} ascending, {@code -key} descending) and the default sort. The
 * handler takes a {@link ListQuery} parameter, resolved and validated from the request by
 * {@link ListQueryResolver}: any other query parameter is a 400 naming it. The OpenAPI document lists the same
 * parameters (see {@code ListingDocumentation}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Listing {
    /** Names the listing inside its cursors, so a cursor of another listing is refused. */
    String resource();

    String[] filters() default {};

    /** Sort keys; empty with {@link #paged()} false. */
    String[] sorts() default {};

    String defaultSort() default "";

    /** False for a list answered whole (no limit, cursor or sort): only the filters and {@code fields} apply. */
    boolean paged() default true;
}
