package io.oms.api.brokers;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.broker.BrokerCredentialStore;
import io.oms.infra.broker.BrokerCredentialStore.Metadata;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * IB login credentials of one of the tenant's broker accounts: set them (204, the secret is never echoed) or see
 * what is stored about them (never the password). Another tenant's account is 404, as a missing one.
 */
@ApiRole
@RestController
public class BrokerCredentialsController {
    static final int MAX_USERNAME = 64;
    static final int MAX_PASSWORD = 256;
    private static final String PATH = "/api/v1/brokers/accounts/{account}/credentials";

    /** {@code toString} leaves the password out, should anything ever print the body. */
    public record CredentialsBody(String username, String password) {
        @Override
        public String toString() {
            return "CredentialsBody[username=" + username + ", password=***]";
        }
    }

    private final BrokerDirectory brokers;
    private final BrokerCredentialStore credentials;
    private final CommandAudit audit;

    public BrokerCredentialsController(BrokerDirectory brokers, BrokerCredentialStore credentials, CommandAudit audit) {
        this.brokers = brokers;
        this.credentials = credentials;
        this.audit = audit;
    }

    @PutMapping(PATH)
    ResponseEntity<Void> put(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                             @PathVariable String account, @RequestBody(required = false) CredentialsBody body,
                             HttpServletRequest request) {
        requireOwnAccount(principal, account); // before looking at the body: another tenant's account is just 404
        validate(body);
        Metadata saved = credentials.save(principal.tenantId(), account, body.username(), body.password(),
                principal.actor());
        audit.record(principal, request, "broker.credentials.set", "broker_account", account, saved);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(PATH)
    Metadata get(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal, @PathVariable String account) {
        requireOwnAccount(principal, account);
        return credentials.metadata(principal.tenantId(), account)
                .orElseThrow(() -> ApiException.notFound("credentials of broker account " + account));
    }

    private void requireOwnAccount(ApiPrincipal principal, String account) {
        if (brokers.findAccount(principal.tenantId(), account).isEmpty()) {
            throw ApiException.notFound("broker account " + account);
        }
    }

    private static void validate(CredentialsBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = body == null ? null : body.username();
        String password = body == null ? null : body.password();
        if (username == null || username.isBlank()) problems.add(new FieldProblem("username", "is required"));
        else if (username.length() > MAX_USERNAME || username.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("username", "must be at most " + MAX_USERNAME + " printable characters"));
        }
        if (password == null || password.isEmpty()) problems.add(new FieldProblem("password", "is required"));
        else if (password.length() > MAX_PASSWORD) {
            problems.add(new FieldProblem("password", "must be at most " + MAX_PASSWORD + " characters"));
        }
        if (!problems.isEmpty()) throw ApiException.validation(problems);
    }
}
