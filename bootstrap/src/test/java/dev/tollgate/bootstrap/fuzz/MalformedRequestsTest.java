package dev.tollgate.bootstrap.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Regressions the fuzz test found in requests refused before any endpoint runs (sent byte for byte: no HTTP client
 * sends them): each answer is in the error shape of its path's dialect, with nothing of the service's insides, and
 * none is logged as an ERROR.
 */
@QuarkusTest
class MalformedRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "grant_type=client_credentials&client_id=acme-backend&client_secret=x";

    @TestHTTPResource("/")
    URL base;

    private RawHttp.Response send(String method, String target, List<RawHttp.Header> headers, byte[] body,
            boolean chunked) {
        List<RawHttp.Header> all = new java.util.ArrayList<>(headers);
        if (!chunked) {
            all.add(RawHttp.Header.of("Content-Length", Integer.toString(body.length)));
        } else {
            all.add(RawHttp.Header.of("Transfer-Encoding", "chunked"));
        }
        all.add(RawHttp.Header.of("Connection", "close"));
        RawHttp.Outcome outcome = RawHttp.exchange(base.getHost(), base.getPort(),
                new RawHttp.Request(method, target, all, body, chunked), Duration.ofSeconds(30));
        return assertInstanceOf(RawHttp.Response.class, outcome);
    }

    private static List<RawHttp.Header> form(String host) {
        List<RawHttp.Header> headers = new java.util.ArrayList<>();
        if (host != null) {
            headers.add(RawHttp.Header.of("Host", host));
        }
        headers.add(RawHttp.Header.of("Content-Type", "application/x-www-form-urlencoded"));
        return headers;
    }

    private static JsonNode json(RawHttp.Response response) throws Exception {
        assertEquals("application/json", response.header("content-type").orElseThrow().split(";")[0]);
        String body = response.bodyText();
        assertFalse(body.contains("Exception") || body.contains("io.vertx") || body.contains("stack"), body);
        return JSON.readTree(body);
    }

    @Test
    void aMissingOrMalformedHostIsABadRequestInTheDialectsShape() throws Exception {
        List<String> errors = errorsLoggedDuring(() -> {
            try {
                JsonNode v0 = json(send("POST", "/v0/token", form(null), FORM.getBytes(StandardCharsets.UTF_8), false));
                assertEquals(400, v0.path("status").intValue());
                assertEquals(List.of("status", "message", "request_id"), names(v0));

                RawHttp.Response oauth = send("POST", "/oauth/token", form("[::1"), FORM.getBytes(StandardCharsets.UTF_8),
                        false);
                assertEquals(400, oauth.status());
                assertEquals("invalid_request", json(oauth).path("error").textValue());

                RawHttp.Response moltin = send("POST", "/oauth/access_token", form("evil.test@shop.acme.test"),
                        FORM.getBytes(StandardCharsets.UTF_8), false);
                assertEquals(400, moltin.status());
                assertEquals("400", json(moltin).path("errors").path(0).path("status").textValue());

                RawHttp.Response admin = send("GET", "/admin/tenants", List.of(RawHttp.Header.of("Host", "[::1")),
                        new byte[0], false);
                assertEquals(400, admin.status());
                assertEquals("invalid_request", json(admin).path("error").textValue());

                RawHttp.Response page = send("GET", "/oauth/authorize?response_type=code", List.of(), new byte[0], false);
                assertEquals(400, page.status());
                assertTrue(page.header("content-type").orElseThrow().startsWith("text/html"));
                assertTrue(page.bodyText().startsWith("<!DOCTYPE html>"), page.bodyText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(List.of(), errors, "a caller's malformed request is no server error");
    }

    @Test
    void aBodyOverTheLimitIsA413InTheDialectsShape() throws Exception {
        byte[] huge = (FORM + "&pad=" + "A".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        RawHttp.Response v0 = send("POST", "/v0/token", form("localhost"), huge, false);
        assertEquals(413, v0.status());
        assertEquals(413, json(v0).path("status").intValue());
        RawHttp.Response oauth = send("POST", "/oauth/token", form("localhost"), huge, false);
        assertEquals(413, oauth.status());
        assertEquals("invalid_request", json(oauth).path("error").textValue());
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithoutAnErrorLog() {
        byte[] huge = (FORM + "&pad=" + "A".repeat(1100 * 1024)).getBytes(StandardCharsets.UTF_8);
        List<String> errors = errorsLoggedDuring(() -> {
            RawHttp.Outcome outcome = RawHttp.exchange(base.getHost(), base.getPort(), new RawHttp.Request("POST",
                    "/oauth/token", List.of(RawHttp.Header.of("Host", "localhost"),
                    RawHttp.Header.of("Content-Type", "application/x-www-form-urlencoded"),
                    RawHttp.Header.of("Transfer-Encoding", "chunked"), RawHttp.Header.of("Connection", "close")),
                    huge, true), Duration.ofSeconds(30));
            // the framework answers 413 and closes while the body is still coming: the answer may be cut off
            if (outcome instanceof RawHttp.Response response) {
                assertEquals(413, response.status());
            }
        });
        assertEquals(List.of(), errors, "a caller's oversized body is no server error");
    }

    @Test
    void aTruncatedMultipartAuthorizationRequestIsAnErrorPage() {
        String boundary = "fuzzboundary";
        byte[] truncated = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"response_type\"\r\n\r\ncode\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\nfz")
                .getBytes(StandardCharsets.UTF_8);
        List<String> errors = errorsLoggedDuring(() -> {
            RawHttp.Response response = send("POST", "/oauth/authorize", List.of(RawHttp.Header.of("Host", "localhost"),
                    RawHttp.Header.of("Content-Type", "multipart/form-data; boundary=" + boundary)), truncated, false);
            assertEquals(400, response.status());
            assertTrue(response.header("content-type").orElseThrow().startsWith("text/html"));
            assertTrue(response.bodyText().startsWith("<!DOCTYPE html>"), response.bodyText());
        });
        assertEquals(List.of(), errors, "a caller's malformed body is no server error");
    }

    @Test
    void aMultipartPartWithoutHeadersIsAnErrorPage() {
        String boundary = "fuzzboundary";
        byte[] malformed = ("--" + boundary + "\r\nname=\"client_id\"\r\n\r\nfz-web\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        List<String> errors = errorsLoggedDuring(() -> {
            RawHttp.Response response = send("POST", "/oauth/authorize", List.of(RawHttp.Header.of("Host", "localhost"),
                    RawHttp.Header.of("Content-Type", "multipart/form-data; boundary=" + boundary)), malformed, false);
            assertEquals(400, response.status());
            assertTrue(response.bodyText().startsWith("<!DOCTYPE html>"), response.bodyText());
        });
        assertEquals(List.of(), errors, "a caller's malformed body is no server error");
    }

    /** The framework's header parser failed on {@code boundary=} with nothing after it: a 500. */
    @Test
    void aMultipartContentTypeWithAnEmptyBoundaryIsAnErrorPage() {
        byte[] form = "response_type=code&client_id=fz".getBytes(StandardCharsets.UTF_8);
        for (String contentType : List.of("multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"")) {
            RawHttp.Response response = send("POST", "/oauth/authorize", List.of(RawHttp.Header.of("Host", "localhost"),
                    RawHttp.Header.of("Content-Type", contentType)), form, false);
            assertEquals(400, response.status(), contentType);
            assertTrue(response.bodyText().startsWith("<!DOCTYPE html>"), response.bodyText());
        }
    }

    /** PostgreSQL text cannot hold NUL: an id with one used to fail the query with a 500. */
    @Test
    void aNulInThePathIsABadRequest() throws Exception {
        RawHttp.Response admin = send("DELETE", "/admin/tenants/acme-staging/clients/%00",
                List.of(RawHttp.Header.of("Host", "localhost"),
                        RawHttp.Header.of("Authorization", "Bearer " + dev.tollgate.bootstrap.support.AdminTokens.operator())),
                new byte[0], false);
        assertEquals(400, admin.status());
        assertEquals("invalid_request", json(admin).path("error").textValue());
        RawHttp.Response page = send("GET", "/oauth/authorize?response_type=code&client_id=a%00b",
                List.of(RawHttp.Header.of("Host", "localhost")), new byte[0], false);
        assertEquals(400, page.status());
        assertTrue(page.bodyText().startsWith("<!DOCTYPE html>"), page.bodyText());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** ERROR lines (any logger) logged while {@code work} runs; the service runs in this JVM. */
    private static List<String> errorsLoggedDuring(Runnable work) {
        List<String> errors = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add(record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            work.run();
        } finally {
            root.removeHandler(handler);
        }
        return errors;
    }
}
