package dev.tollgate.adapters.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** Renders admin results: the value with a status, or an error as {@code {error, error_description, field}}. */
final class AdminResponses {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBody(
            @JsonProperty("error") String error,
            @JsonProperty("error_description") String errorDescription,
            @JsonProperty("field") String field) {
    }

    private AdminResponses() {
    }

    static <T> Response render(AdminResult<T> result, int status, Function<T, Object> body) {
        return switch (result) {
            case AdminResult.Done<T> done -> Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store")
                    .entity(body.apply(done.value())).build();
            case AdminResult.Refused<T> refused -> error(refused.error());
        };
    }

    /** 204 on success: deletions answer with no body. */
    static <T> Response noContent(AdminResult<T> result) {
        return result instanceof AdminResult.Refused<T> refused ? error(refused.error()) : Response.noContent().build();
    }

    static Response error(AdminError error) {
        Response.ResponseBuilder response = switch (error) {
            case AdminError.Invalid invalid -> Response.status(400)
                    .entity(new ErrorBody("invalid_request", invalid.message(), invalid.field()));
            case AdminError.NotFound notFound -> Response.status(404)
                    .entity(new ErrorBody("not_found", notFound.message(), null));
            case AdminError.Conflict conflict -> Response.status(409)
                    .entity(new ErrorBody("conflict", conflict.message(), null));
            case AdminError.Forbidden forbidden -> Response.status(403)
                    .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"")
                    .entity(new ErrorBody("insufficient_scope", forbidden.message(), null));
            case AdminError.Unauthenticated unauthenticated -> Response.status(401)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .entity(new ErrorBody("invalid_token", unauthenticated.message(), null));
        };
        return response.type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
