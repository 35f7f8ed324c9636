package dev.tollgate.adapters.rest.moltin;

import dev.tollgate.adapters.rest.common.RequestSources;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.adapters.rest.common.TokenRequestReader;
import dev.tollgate.adapters.rest.observability.TokenMeters;
import dev.tollgate.application.moltin.CustomerToken;
import dev.tollgate.application.moltin.CustomerTokens;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Moltin customer tokens (seed 004): {@code POST /v2/customers/tokens} with the store's implicit or
 * client_credentials token as {@code Authorization: Bearer} and a JSON:API body
 * {@code {"data":{"type":"token","email":…,"password":…,"authentication_mechanism":"password"}}}.
 */
@Path("/v2/customers/tokens")
public class CustomerTokenResource {

    /** Seed 004's customer token, as {@code data}. */
    @JsonPropertyOrder({"type", "id", "customer_id", "token", "expires"})
    public record CustomerTokenData(
            @JsonProperty("type") String type,
            @JsonProperty("id") String id,
            @JsonProperty("customer_id") String customerId,
            @JsonProperty("token") String token,
            @JsonProperty("expires") long expires) {

        static CustomerTokenData of(CustomerToken token) {
            return new CustomerTokenData(TOKEN_TYPE, token.id(), token.customerId().toString(), token.token(),
                    token.expiresAt().getEpochSecond());
        }
    }

    /** The JSON:API document around it. */
    public record CustomerTokenDocument(@JsonProperty("data") CustomerTokenData data) {
    }

    /** What the body asked for, once read. */
    record CustomerLogin(String email, String password) {
    }

    static final String TOKEN_TYPE = "token";
    static final String PASSWORD_MECHANISM = "password";

    private static final ObjectMapper STRICT_JSON = new ObjectMapper(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final CustomerTokens customerTokens;
    private final TenantDirectory tenants;
    private final RequestSources sources;
    private final TokenMeters meters;

    public CustomerTokenResource(CustomerTokens customerTokens, TenantDirectory tenants, RequestSources sources,
            TokenMeters meters) {
        this.customerTokens = customerTokens;
        this.tenants = tenants;
        this.sources = sources;
        this.meters = meters;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(
            @HeaderParam("Host") String host,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Authorization") String authorization,
            byte[] body) {
        Outcome<Tenant> tenant = tenants.byHost(host);
        if (tenant instanceof Outcome.Failure<Tenant> unknown) {
            meters.refused(TokenMeters.Dialect.CUSTOMER, unknown.error());
            return JsonApiErrors.render(unknown.error());
        }
        Optional<String> bearer = bearer(authorization);
        if (bearer.isEmpty()) {
            // RFC 6750 §3.1: no credentials, so a bare challenge without an error code
            Response missing = JsonApiErrors.render(401, "Invalid Access Token",
                    "Send the store's access token as Authorization: Bearer <token>");
            missing.getHeaders().putSingle("WWW-Authenticate", "Bearer realm=\"tollgate\"");
            return missing;
        }
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > TokenRequestReader.MAX_BODY_BYTES) {
            return JsonApiErrors.render(413, "Payload Too Large", "The request body is too large");
        }
        if (!isJson(contentType)) {
            return JsonApiErrors.render(415, "Unsupported Media Type", "Content-Type must be application/json");
        }
        Outcome<CustomerLogin> login;
        try {
            login = read(STRICT_JSON.readTree(bytes));
        } catch (IOException e) {
            return JsonApiErrors.render(400, "Bad Request", "The request body is not valid JSON");
        }
        return switch (login) {
            case Outcome.Failure<CustomerLogin> invalid ->
                    JsonApiErrors.render(422, "Unprocessable Entity", invalid.error().description());
            case Outcome.Success<CustomerLogin> valid -> switch (tenant.then(store ->
                    customerTokens.issue(store, bearer.get(), valid.value().email(), valid.value().password(),
                            sources.current()))) {
                case Outcome.Success<CustomerToken> issued -> {
                    meters.issued(TokenMeters.Dialect.CUSTOMER, ((Outcome.Success<Tenant>) tenant).value().slug()
                            .value(), "password");
                    yield Response.ok(new CustomerTokenDocument(CustomerTokenData.of(issued.value())))
                                .header("Cache-Control", "no-store")
                                .header("Pragma", "no-cache")
                                .build();
                }
                case Outcome.Failure<CustomerToken> refused -> {
                    meters.refused(TokenMeters.Dialect.CUSTOMER, refused.error());
                    yield JsonApiErrors.render(refused.error());
                }
            };
        };
    }

    /** RFC 6750 §2.1: {@code Bearer} (any case) and one token. */
    private static Optional<String> bearer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).strip();
        return token.isEmpty() || token.contains(" ") ? Optional.empty() : Optional.of(token);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.equals("application/vnd.api+json");
    }

    /** The body's fields, each checked; the first problem names the field, never echoes a value. */
    static Outcome<CustomerLogin> read(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("data").isObject()) {
            return invalid("The body must be an object with a data object");
        }
        JsonNode data = root.get("data");
        if (!TOKEN_TYPE.equals(text(data, "type"))) {
            return invalid("data.type must be \"token\"");
        }
        JsonNode mechanism = data.get("authentication_mechanism");
        if (mechanism != null && !mechanism.isNull() && !PASSWORD_MECHANISM.equals(text(data,
                "authentication_mechanism"))) {
            return invalid("data.authentication_mechanism must be \"password\"");
        }
        String email = text(data, "email");
        if (email == null || email.isBlank()) {
            return invalid("data.email is required");
        }
        String password = text(data, "password");
        if (password == null || password.isEmpty()) {
            return invalid("data.password is required");
        }
        return Outcome.success(new CustomerLogin(email.strip(), password));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Outcome<CustomerLogin> invalid(String detail) {
        return Outcome.failure(OAuthError.invalidRequest(detail));
    }
}
