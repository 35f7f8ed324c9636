package dev.tollgate.application.admin;

import dev.tollgate.application.port.AuditLog;
import dev.tollgate.application.port.PasswordHasher;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.Transactions;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.audit.AuditEntry;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.View;
import dev.tollgate.domain.user.PasswordPolicy;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Users of a tenant, managed with {@code users:manage}. Passwords are hashed with a slow hash and never shown. */
@Singleton
public class UserAdministration {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s]+");
    private static final Pattern NAME_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final TenantAccess access;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Transactions transactions;
    private final RandomValues random;
    private final Clock clock;

    @Inject
    public UserAdministration(TenantAccess access, UserRepository users, PasswordHasher hasher, AuditLog audit,
            Transactions transactions, RandomValues random, Clock clock) {
        this.access = access;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
    }

    public AdminResult<User> create(AdminCaller caller, String tenantSlug, UserSpec spec) {
        return target(caller, tenantSlug).then(tenant -> {
            if (spec.email().isEmpty()) {
                return AdminResult.invalid("email", "required");
            }
            if (spec.password().isEmpty()) {
                return AdminResult.invalid("password", "required");
            }
            String email = spec.email().get().strip().toLowerCase(Locale.ROOT);
            User draft = new User(random.newId(), tenant.id(), email, spec.username().orElse(email), "", List.of(), true);
            return apply(draft, spec).then(user -> {
                String hash = hasher.hash(spec.password().get());
                return transactions.inTransaction(() -> {
                    Optional<String> taken = users.taken(tenant.id(), user.email(), user.username(), user.id());
                    if (taken.isPresent()) {
                        return AdminResult.refused(new AdminError.Conflict("The " + taken.get() + " is taken"));
                    }
                    users.create(user, hash);
                    record(caller, tenant, "user.create", user.id());
                    return AdminResult.done(user);
                });
            });
        });
    }

    public AdminResult<User> get(AdminCaller caller, String tenantSlug, String userId) {
        return target(caller, tenantSlug).then(tenant -> find(tenant, userId));
    }

    public AdminResult<Page<User>> list(AdminCaller caller, String tenantSlug, int offset, int limit) {
        if (offset < 0) {
            return AdminResult.invalid("offset", "0 or more");
        }
        if (limit < 1 || limit > ClientAdministration.MAX_PAGE) {
            return AdminResult.invalid("limit", "between 1 and " + ClientAdministration.MAX_PAGE);
        }
        return target(caller, tenantSlug).map(tenant -> Page.of(users.list(tenant.id(), offset, limit + 1), offset, limit));
    }

    public AdminResult<User> change(AdminCaller caller, String tenantSlug, String userId, UserSpec spec) {
        return target(caller, tenantSlug).then(tenant -> find(tenant, userId).then(current -> apply(current, spec)
                .then(changed -> {
                    Optional<String> hash = spec.password().map(hasher::hash);
                    return transactions.inTransaction(() -> {
                        Optional<String> taken = users.taken(tenant.id(), changed.email(), changed.username(), changed.id());
                        if (taken.isPresent()) {
                            return AdminResult.refused(new AdminError.Conflict("The " + taken.get() + " is taken"));
                        }
                        users.update(changed, hash);
                        record(caller, tenant, hash.isPresent() ? "user.update.password" : "user.update", changed.id());
                        return AdminResult.done(changed);
                    });
                })));
    }

    public AdminResult<String> delete(AdminCaller caller, String tenantSlug, String userId) {
        return target(caller, tenantSlug).then(tenant -> find(tenant, userId).then(user ->
                transactions.inTransaction(() -> {
                    users.delete(tenant.id(), user.id());
                    record(caller, tenant, "user.delete", user.id());
                    return AdminResult.done(userId);
                })));
    }

    private static AdminResult<User> apply(User current, UserSpec spec) {
        String email = spec.email().map(e -> e.strip().toLowerCase(Locale.ROOT)).orElse(current.email());
        if (!EMAIL.matcher(email).matches() || email.length() > 320 || !FreeText.line(email)) {
            return AdminResult.invalid("email", "not an email address");
        }
        String username = spec.username().map(String::strip).orElse(current.username());
        if (username.isEmpty() || username.length() > 320 || username.chars().anyMatch(Character::isWhitespace)
                || !FreeText.line(username)) {
            return AdminResult.invalid("username", "1 to 320 characters without spaces");
        }
        String name = spec.name().map(String::strip).orElse(current.name());
        if (name.length() > 200 || !FreeText.line(name)) {
            return AdminResult.invalid("name", "at most 200 characters, no control characters");
        }
        List<String> roles = new ArrayList<>();
        for (String role : spec.roles().orElse(current.roles())) {
            if (!NAME_TOKEN.matcher(role).matches()) {
                return AdminResult.invalid("roles", "not a role name: " + role);
            }
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        if (spec.password().isPresent()) {
            Optional<String> weak = PasswordPolicy.check(spec.password().get(), email, username);
            if (weak.isPresent()) {
                return AdminResult.invalid("password", weak.get());
            }
        }
        Optional<View> view = current.view();
        if (spec.view().isPresent()) {
            view = spec.view().get().isEmpty() ? Optional.empty() : View.parse(spec.view().get());
            if (view.isEmpty() && !spec.view().get().isEmpty()) {
                return AdminResult.invalid("view", "1 to 100 visible ASCII characters without spaces, or \"\" for none");
            }
        }
        return AdminResult.done(new User(current.id(), current.tenantId(), email, username, name, roles,
                spec.enabled().orElse(current.enabled()), view));
    }

    private AdminResult<User> find(Tenant tenant, String userId) {
        Optional<UUID> id;
        try {
            id = Optional.of(UUID.fromString(userId));
        } catch (IllegalArgumentException e) {
            id = Optional.empty();
        }
        return id.flatMap(u -> users.find(tenant.id(), u))
                .<AdminResult<User>>map(AdminResult::done)
                .orElseGet(() -> AdminResult.refused(new AdminError.NotFound("Unknown user " + userId)));
    }

    private AdminResult<Tenant> target(AdminCaller caller, String tenantSlug) {
        return access.resolve(caller, tenantSlug, AdminCaller.USERS_MANAGE);
    }

    private void record(AdminCaller caller, Tenant tenant, String action, UUID userId) {
        audit.append(new AuditEntry(random.newId(), clock.instant(), tenant.id(), caller.actor(), action,
                "users/" + userId, Map.of()));
    }
}
