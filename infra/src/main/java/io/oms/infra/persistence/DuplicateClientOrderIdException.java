package io.oms.infra.persistence;

/** Another order of the tenant already holds this client order id. */
public final class DuplicateClientOrderIdException extends RuntimeException {
    public DuplicateClientOrderIdException(String tenantId, String clientOrderId) {
        super("client order id " + clientOrderId + " is already used by another order of tenant " + tenantId);
    }
}
