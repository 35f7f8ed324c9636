package dev.tollgate.adapters.rest.common;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Last line of defence: nothing leaves the service as a stack trace or an HTML error page. Framework refusals keep
 * their status with an RFC 6749 §5.2 body; anything unexpected is a logged {@code server_error}.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthErrorResponses.Body(OAuthErrorCode.INVALID_REQUEST.wireName(), describe(status)));
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            response.header("Allow", allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // the exception type and message only: causes may carry SQL parameters or request data
        LOG.errorf("Unexpected %s: %s", e.getClass().getName(), e.getMessage());
        LOG.debug("Unexpected failure", e);
        return OAuthErrorResponses.render(OAuthError.serverError());
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported media type";
            default -> "Bad request";
        };
    }
}
