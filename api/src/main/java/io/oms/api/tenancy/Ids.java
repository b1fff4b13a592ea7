package io.oms.api.tenancy;

import io.oms.api.error.ApiException;
import java.util.UUID;

/** Path ids: one that is not even a UUID names nothing, so it answers 404 like an unknown one. */
public final class Ids {
    private Ids() {}

    public static UUID uuidOrNotFound(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what);
        }
    }
}
