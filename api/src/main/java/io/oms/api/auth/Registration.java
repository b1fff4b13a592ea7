package io.oms.api.auth;

import io.oms.api.auth.AuthBodies.RegisterBody;
import io.oms.api.auth.AuthBodies.UserResource;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.PasswordPolicy;
import io.oms.infra.identity.Passwords;
import io.oms.infra.identity.UserRepository;
import io.oms.infra.ids.UuidV7;
import io.oms.workflows.domain.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Registration creates a user with no membership: a registered user belongs to no tenant until a tenant
 * administrator invites them (so anyone may register, but nobody gets access to anything by registering).
 */
@ApiRole
@Service
class Registration {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL = 254;
    private static final int MAX_DISPLAY_NAME = 100;

    private final UserRepository users;
    private final Passwords passwords;

    Registration(UserRepository users, Passwords passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    UserResource register(RegisterBody body) {
        if (body == null) throw ApiException.validation(List.of(new FieldProblem("email", "is required")));
        String email = UserRepository.normalize(body.email());
        List<FieldProblem> problems = new ArrayList<>();
        if (email == null || email.isEmpty()) problems.add(new FieldProblem("email", "is required"));
        else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "is not an email address"));
        }
        String name = body.displayName() == null ? null : body.displayName().strip();
        if (name != null && name.length() > MAX_DISPLAY_NAME) {
            problems.add(new FieldProblem("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters"));
        }
        PasswordPolicy.check(body.password(), email).forEach(p -> problems.add(new FieldProblem(p.field(), p.message())));
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        UUID id = UuidV7.next();
        if (!users.insert(id, email, name == null || name.isEmpty() ? null : name, passwords.hash(body.password()), false)) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "an account with this email already exists", List.of(),
                    "log in, or request an unlock token if the account is locked");
        }
        return new UserResource(id, email, name);
    }
}
