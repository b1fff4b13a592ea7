package io.oms.api.mfa;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiErrorHandler;
import io.oms.api.error.ApiException;
import io.oms.api.error.ErrorEnvelope;
import io.oms.api.error.FieldProblem;
import io.oms.api.error.TraceIds;
import io.oms.api.mfa.MfaResources.CodeBody;
import io.oms.api.mfa.MfaResources.MfaStatusResource;
import io.oms.api.mfa.MfaResources.RecoveryCodesResource;
import io.oms.api.mfa.MfaResources.TotpEnrolmentResource;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.mfa.MfaRefusal;
import io.oms.infra.identity.mfa.TotpEnrolment;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * A signed-in user's own second factor (TOTP and recovery codes). Only a user's session may change it: an API
 * key, even one owned by a user, is refused, so a leaked key cannot switch MFA off or read new recovery codes.
 * Answers carrying a secret or recovery codes are never cached. Every change is audited (without secrets).
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/auth/mfa")
public class MfaController {
    private final TotpEnrolment enrolment;
    private final CommandAudit audit;
    private final Clock clock;

    @Autowired
    public MfaController(TotpEnrolment enrolment, CommandAudit audit) {
        this(enrolment, audit, Clock.systemUTC());
    }

    MfaController(TotpEnrolment enrolment, CommandAudit audit, Clock clock) {
        this.enrolment = enrolment;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/totp/enrol")
    ResponseEntity<TotpEnrolmentResource> enrol(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                                HttpServletRequest request) {
        UUID user = userOf(principal);
        var started = enrolment.enrol(user);
        audited(principal, request, "mfa.totp.enrol", user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TotpEnrolmentResource.of(started));
    }

    @PostMapping("/totp/confirm")
    ResponseEntity<RecoveryCodesResource> confirm(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                                  @RequestBody(required = false) CodeBody body, HttpServletRequest request) {
        UUID user = userOf(principal);
        var codes = enrolment.confirm(user, codeOf(body));
        audited(principal, request, "mfa.totp.confirm", user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RecoveryCodesResource(codes));
    }

    @PostMapping("/recovery-codes")
    ResponseEntity<RecoveryCodesResource> regenerate(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                                     @RequestBody(required = false) CodeBody body, HttpServletRequest request) {
        UUID user = userOf(principal);
        var codes = enrolment.regenerateRecoveryCodes(user, codeOf(body));
        audited(principal, request, "mfa.recovery_codes.regenerate", user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RecoveryCodesResource(codes));
    }

    @DeleteMapping
    ResponseEntity<Void> disable(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                 @RequestBody(required = false) CodeBody body, HttpServletRequest request) {
        UUID user = userOf(principal);
        enrolment.disable(user, codeOf(body));
        audited(principal, request, "mfa.disable", user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    MfaStatusResource status(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal) {
        return MfaStatusResource.of(enrolment.status(userOf(principal)));
    }

    /** The service's refusals as error envelopes; a lockout also says when to retry (Retry-After). */
    @ExceptionHandler(MfaRefusal.class)
    ResponseEntity<ErrorEnvelope> refused(MfaRefusal e, HttpServletRequest request) {
        Long retryAfter = e.retryAt() == null ? null
                : Math.max(1, Duration.between(clock.instant(), e.retryAt()).toSeconds());
        return ApiErrorHandler.answerFor(toApiException(e, retryAfter), TraceIds.of(request));
    }

    static ApiException toApiException(MfaRefusal e, Long retryAfterSeconds) {
        return switch (e.reason()) {
            case UNKNOWN_USER -> ApiException.notFound("user");
            case ALREADY_ENROLLED -> new ApiException(ErrorCode.STATE_CONFLICT, e.getMessage(), List.of(),
                    "disable TOTP (DELETE /api/v1/auth/mfa) before enrolling again");
            case NOTHING_PENDING -> new ApiException(ErrorCode.STATE_CONFLICT, e.getMessage(), List.of(),
                    "start with POST /api/v1/auth/mfa/totp/enrol");
            case NOT_ENROLLED -> new ApiException(ErrorCode.STATE_CONFLICT, e.getMessage(), List.of(), null);
            case CODE_REQUIRED -> ApiException.validation(List.of(new FieldProblem("code", "is required")));
            case INVALID_CODE -> new ApiException(ErrorCode.MFA_CODE_INVALID, e.getMessage(), List.of(),
                    "send the code your authenticator app shows now (or, where accepted, an unused recovery code)");
            case LOCKED -> new ApiException(ErrorCode.RATE_LIMITED, e.getMessage(), List.of(),
                    "wait for the time in Retry-After", retryAfterSeconds);
        };
    }

    private static UUID userOf(ApiPrincipal principal) {
        if (principal.isApiKey() || principal.userId() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "MFA is managed by a signed-in user, not with an API key",
                    List.of(), "sign in (POST /api/v1/auth/login) and use the access token");
        }
        return principal.userId();
    }

    private static String codeOf(CodeBody body) {
        return body == null ? null : body.code();
    }

    private void audited(ApiPrincipal principal, HttpServletRequest request, String action, UUID user) {
        audit.record(principal, request, action, "user", user.toString(), MfaStatusResource.of(enrolment.status(user)));
    }
}
