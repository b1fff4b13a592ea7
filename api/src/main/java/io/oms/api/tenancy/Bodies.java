package io.oms.api.tenancy;

/** Request bodies of the tenant, member and invite endpoints (strings, so a wrong value is a field error). */
public final class Bodies {
    private Bodies() {}

    /** {@code POST /api/v1/tenants}: {@code adminEmail} optional, invites that person as the tenant's first admin. */
    public record CreateTenant(String id, String name, String adminEmail) {}

    /** {@code PUT /api/v1/tenants/{id}}: {@code active} absent = unchanged. */
    public record UpdateTenant(String name, Boolean active) {}

    /** {@code PUT /api/v1/members/{userId}}. */
    public record ChangeRole(String role) {}

    /** {@code POST /api/v1/invites}. */
    public record CreateInvite(String email, String role) {}

    /** {@code POST /api/v1/invites/accept}. */
    public record AcceptInvite(String token) {}
}
