package dev.tollgate.bootstrap.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Groups the merged document (META-INF/openapi.yaml and the scanned resources) by dialect: every operation gets exactly
 * the one tag of the dialect its path belongs to, the answers every operation of that dialect can give when the abuse
 * limits or the database say no (429, 503 with Retry-After, in the dialect's shape), and loses what the scan adds but a
 * client cannot use (the raw {@code *}/{@code *} body, the Content-Type header parameter, schemas of framework types).
 */
public class DialectDocument implements OASFilter {

    /** A dialect of the API, with the names of its shared error responses in components/responses. */
    enum Dialect {
        REALM("Realm (Keycloak-shaped)", "OAuth"),
        OAUTH("OAuth 2.0 / Storefront", "OAuth"),
        MOLTIN("Moltin", "JsonApi"),
        V0("Token API v0 (deprecated)", "V0"),
        ADMIN("Admin API", "Admin"),
        DISCOVERY("Discovery & keys", "OAuth");

        final String tag;
        final String errors;

        Dialect(String tag, String errors) {
            this.tag = tag;
            this.errors = errors;
        }

        static Dialect of(String path) {
            if (path.startsWith("/admin/")) {
                return ADMIN;
            }
            if (path.startsWith("/v0/") || path.equals("/docs/migration-v0")) {
                return V0;
            }
            if (path.equals("/oauth/access_token") || path.startsWith("/v2/customers/")) {
                return MOLTIN;
            }
            if (path.startsWith("/.well-known/") || path.startsWith("/auth/realms/{tenant}/.well-known/")
                    || path.equals("/auth/realms/{tenant}/protocol/openid-connect/certs")) {
                return DISCOVERY;
            }
            if (path.startsWith("/auth/realms/{tenant}/protocol/openid-connect/")) {
                return REALM;
            }
            if (path.startsWith("/oauth/")) {
                return OAUTH;
            }
            throw new IllegalStateException("no dialect for the path " + path + ": add it to DialectDocument");
        }
    }

    /** Operations that authenticate a client or a user, and so can be locked or rate-limited (docs/reliability.md). */
    private static boolean abuseLimited(String path, PathItem.HttpMethod method) {
        return method == PathItem.HttpMethod.POST && (path.endsWith("/token") || path.endsWith("/token/introspect")
                || path.endsWith("/introspect") || path.endsWith("/revoke") || path.endsWith("/auth")
                || path.equals("/oauth/authorize") || path.equals("/oauth/access_token")
                || path.equals("/v0/refresh_token") || path.equals("/v2/customers/tokens"));
    }

    /** Only the static migration guide needs no database. */
    private static boolean needsDatabase(String path) {
        return !path.equals("/docs/migration-v0");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Set<String> used = new LinkedHashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            Dialect dialect = Dialect.of(path);
            used.add(dialect.tag);
            operation.setTags(new ArrayList<>(List.of(dialect.tag)));
            if (dialect == Dialect.V0 && !path.startsWith("/docs/")) {
                operation.setDeprecated(true);
            }
            boolean html = path.endsWith("/auth") || path.equals("/oauth/authorize");
            String errors = html ? "Html" : dialect.errors;
            if (path.contains("{tenant}") && !html && dialect != Dialect.ADMIN) {
                addResponse(operation, "404", "OAuthNotFound");
            }
            if (abuseLimited(path, method)) {
                addResponse(operation, "429", errors + "TooManyRequests");
            }
            if (needsDatabase(path)) {
                addResponse(operation, "503", errors + "Unavailable");
            }
            if (dialect == Dialect.ADMIN) {
                adminSuccess(method, operation);
                adminErrors(path, method, operation);
            }
            dropRawBody(operation);
            if (operation.getParameters() != null) {
                // the media type of the request body says it; OpenAPI ignores a Content-Type header parameter
                operation.setParameters(new ArrayList<>(operation.getParameters().stream()
                        .filter(p -> !(p.getIn() == Parameter.In.HEADER
                                && "Content-Type".equalsIgnoreCase(p.getName())))
                        .toList()));
            }
        }));
        // the tags declared in META-INF/openapi.yaml (with their descriptions), only those used, in that order
        List<Tag> declared = openAPI.getTags() == null ? List.of() : openAPI.getTags();
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : declared) {
            if (used.contains(tag.getName())) {
                tags.add(tag);
            }
        }
        openAPI.setTags(tags);
        dropUnreferencedSchemas(openAPI);
    }

    /**
     * docs/admin-api.md: a POST creates (a tenant, client, user, secret or key: 201), a DELETE answers 204; the
     * resources return a plain Response, which the scan documents as 200.
     */
    private static void adminSuccess(PathItem.HttpMethod method, Operation operation) {
        String status = switch (method) {
            case POST -> "201";
            case DELETE -> "204";
            default -> null;
        };
        APIResponses responses = operation.getResponses();
        APIResponse ok = responses.getAPIResponse("200");
        if (status == null || ok == null) {
            return;
        }
        responses.removeAPIResponse("200");
        if (status.equals("204")) {
            ok.setContent(null);
            ok.setDescription("Deleted");
        } else {
            ok.setDescription("Created");
        }
        responses.addAPIResponse(status, ok);
    }

    /** docs/admin-api.md "Errors": which of them an operation can answer. */
    private static void adminErrors(String path, PathItem.HttpMethod method, Operation operation) {
        boolean reads = method == PathItem.HttpMethod.GET;
        if (reads || operation.getRequestBody() != null) {
            addResponse(operation, "400", "AdminBadRequest");
        }
        addResponse(operation, "401", "AdminUnauthorized");
        addResponse(operation, "403", "AdminForbidden");
        if (path.contains("{")) {
            addResponse(operation, "404", "AdminNotFound");
        }
        boolean rotates = path.endsWith("/secret") || path.endsWith("/rotate");
        if (!reads && method != PathItem.HttpMethod.PUT && !rotates) {
            addResponse(operation, "409", "AdminConflict");
        }
    }

    private static void addResponse(Operation operation, String status, String component) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status,
                    OASFactory.createAPIResponse().ref("#/components/responses/" + component));
        }
    }

    /** The resources read their bodies raw (byte[], any media type); the static file documents the real types. */
    private static void dropRawBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Content content = operation.getRequestBody().getContent();
        Map<String, MediaType> types = content.getMediaTypes();
        if (types.containsKey("*/*") && types.size() > 1) {
            content.removeMediaType("*/*");
        }
    }

    /** Schemas the scan made of framework types the resources take (multipart input, JsonNode) and nothing uses. */
    private static void dropUnreferencedSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> reached = new HashSet<>();
        List<Schema> pending = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                collect(operation.getRequestBody().getContent(), pending);
            }
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> pending.add(p.getSchema()));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(r -> collect(r.getContent(), pending));
            }
        }));
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(r -> collect(r.getContent(), pending));
        }
        while (!pending.isEmpty()) {
            Schema schema = pending.remove(pending.size() - 1);
            if (schema == null) {
                continue;
            }
            String ref = schema.getRef();
            if (ref != null && ref.startsWith("#/components/schemas/")) {
                String name = ref.substring("#/components/schemas/".length());
                if (reached.add(name)) {
                    pending.add(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            pending.add(schema.getItems());
            if (schema.getAdditionalPropertiesSchema() != null) {
                pending.add(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
                    schema.getOneOf())) {
                if (group != null) {
                    pending.addAll(group);
                }
            }
        }
        Map<String, Schema> kept = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            if (reached.contains(name)) {
                kept.put(name, schema);
            }
        });
        openAPI.getComponents().setSchemas(kept);
    }

    private static void collect(Content content, List<Schema> pending) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> pending.add(media.getSchema()));
        }
    }

}
