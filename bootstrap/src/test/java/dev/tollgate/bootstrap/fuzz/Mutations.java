package dev.tollgate.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The mutations: each changes one thing of a valid request (a parameter, the JSON, a header, the method, the path, the
 * query, a token) and notes what it did. A fuzz case applies a few of them in a row.
 */
final class Mutations {

    interface Change {
        void apply(Draft draft, SplittableRandom random, FuzzWorld world);
    }

    record Mutation(String name, Predicate<Draft> applies, Change change) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> PARAMETER_NAMES = List.of("grant_type", "client_id", "client_secret", "scope",
            "code", "redirect_uri", "code_verifier", "refresh_token", "username", "password", "assertion",
            "client_assertion", "client_assertion_type", "token", "token_type_hint", "response_type", "state",
            "code_challenge", "code_challenge_method", "nonce", "prompt", "response_mode", "request", "request_uri",
            "resource", "audience", "email", "csrf_token", "action", "view", "");
    private static final List<String> GRANT_TYPES = List.of("password", "client_credentials", "authorization_code",
            "refresh_token", "implicit", FuzzWorld.JWT_BEARER, "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:token-exchange", "PASSWORD", "client_credentials ", "", "token");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded; charset=ISO-8859-1",
            "application/x-www-form-urlencoded;charset=utf-16", "APPLICATION/X-WWW-FORM-URLENCODED",
            " application/x-www-form-urlencoded ; ; ", "application/json; charset=utf-8", "application/json;charset=UTF-16",
            "application/vnd.api+json", "application/jwt", "text/plain", "text/html", "application/xml", "*/*",
            "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"x\"",
            "multipart/mixed; boundary=fuzz", "application/octet-stream", "application", "/", ";", ";charset=utf-8",
            "x/y; a=\"unterminated", "application/json; charset=\u00ff", "application/x-www-form-urlencoded; q=\"\\\"\"",
            "", " ", "a".repeat(5000) + "/json");
    private static final List<String> HOSTS = List.of("unknown.fuzz.test", FuzzWorld.HOST.toUpperCase(),
            FuzzWorld.HOST + ":443", FuzzWorld.HOST + ".", "[::1]", "127.0.0.1", "localhost:99999", "",
            "a".repeat(300) + ".test", "ho st.test", "a..b", "evil.test@" + FuzzWorld.HOST, FuzzWorld.HOST + ":",
            FuzzWorld.HOST + ":abc", "xn--fuzz-9ra.test", "fuzz-admin-target.fuzz.test", "shop.acme.test", "%66uzz.test",
            "_", "[::1", "*");
    private static final List<String> ACCEPTS = List.of("text/html", "application/xml", "text/plain", "*/*;q=0",
            "application/json;q=0", "application/json;q=abc", ";;;", "image/*", "application/vnd.api+json",
            "application/*", "*/*", "a".repeat(3000));
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD",
            "TRACE", "FUZZ", "get");
    private static final List<String> SLUGS = List.of("unknown-tenant", "FUZZ-DIALECTS", "%66uzz-dialects", "..",
            "%2e%2e", "a%2Fb", "%00", "fuzz-dialects%20", "x".repeat(5000), "fuzz-di%C3%A4lects", "%ff", "%zz",
            "-", "1", "fuzz_dialects", "' OR 1=1--", "%3Cscript%3E");

    private static final List<Mutation> ALL = List.of(
            // ---- parameters (form, multipart and query)
            new Mutation("drop a parameter", Mutations::hasParams, (d, r, w) -> {
                List<Draft.Param> params = params(d, r);
                params.remove(r.nextInt(params.size()));
            }),
            new Mutation("duplicate a parameter", Mutations::hasParams, (d, r, w) -> {
                List<Draft.Param> params = params(d, r);
                Draft.Param p = params.get(r.nextInt(params.size()));
                params.add(r.nextInt(params.size() + 1), p);
            }),
            new Mutation("repeat a parameter with another value", Mutations::hasParams, (d, r, w) -> {
                List<Draft.Param> params = params(d, r);
                Draft.Param p = params.get(r.nextInt(params.size()));
                params.add(r.nextInt(params.size() + 1), new Draft.Param(p.name(), Draft.encode(Values.any(r))));
            }),
            new Mutation("shuffle parameters", Mutations::hasParams, (d, r, w) -> shuffle(params(d, r), r)),
            new Mutation("add a parameter", d -> d.kind == Draft.BodyKind.FORM || d.kind == Draft.BodyKind.MULTIPART
                    || !d.query.isEmpty(), (d, r, w) -> {
                List<Draft.Param> params = params(d, r);
                String name = r.nextInt(4) == 0 ? Values.any(r) : Values.pick(r, PARAMETER_NAMES);
                params.add(r.nextInt(params.size() + 1), Draft.Param.encoded(name, value(r, w)));
            }),
            new Mutation("replace a value", Mutations::hasParams, (d, r, w) -> replaceValue(d, r, Draft.encode(value(r, w)))),
            new Mutation("replace a value, unencoded", Mutations::hasParams,
                    (d, r, w) -> replaceValue(d, r, Draft.utf8(Values.any(r)))),
            new Mutation("empty a value", Mutations::hasParams, (d, r, w) -> replaceValue(d, r, "")),
            new Mutation("a parameter without '='", Mutations::hasParams, (d, r, w) -> replaceValue(d, r, null)),
            new Mutation("huge value (100 KB)", Mutations::hasParams, (d, r, w) -> replaceValue(d, r, Values.huge(r))),
            new Mutation("bad percent-encoding in a value", Mutations::hasParams, (d, r, w) -> {
                Draft.Param p = pickParam(d, r);
                replace(d, p, new Draft.Param(p.name(), (p.value() == null ? "" : p.value()) + Values.badEscape(r)));
            }),
            new Mutation("escapes of invalid UTF-8 in a value", Mutations::hasParams, (d, r, w) -> {
                Draft.Param p = pickParam(d, r);
                replace(d, p, new Draft.Param(p.name(), Values.invalidUtf8Escapes(r) + (p.value() == null ? "" : p.value())));
            }),
            new Mutation("raw invalid UTF-8 in a value", Mutations::formOrMultipart, (d, r, w) -> {
                Draft.Param p = pickParam(d, r);
                replace(d, p, new Draft.Param(p.name(), (p.value() == null ? "" : p.value()) + Values.invalidUtf8(r)));
            }),
            new Mutation("raw invalid UTF-8 in a name", Mutations::formOrMultipart, (d, r, w) -> {
                Draft.Param p = pickParam(d, r);
                replace(d, p, new Draft.Param(p.name() + Values.invalidUtf8(r), p.value()));
            }),
            new Mutation("NUL in a value", Mutations::hasParams, (d, r, w) -> {
                Draft.Param p = pickParam(d, r);
                replace(d, p, new Draft.Param(p.name(), "%00" + (p.value() == null ? "" : p.value())));
            }),
            new Mutation("rename a parameter", Mutations::hasParams, (d, r, w) -> {
                Draft.Param p = pickParam(d, r);
                String name = switch (r.nextInt(5)) {
                    case 0 -> p.name().toUpperCase();
                    case 1 -> p.name() + "%20";
                    case 2 -> p.name().isEmpty() ? "%5F" : "%" + Integer.toHexString(p.name().charAt(0)) + p.name().substring(1);
                    case 3 -> "";
                    default -> Draft.encode(Values.any(r));
                };
                replace(d, p, new Draft.Param(name, p.value()));
            }),
            new Mutation("many parameters", Mutations::formOrMultipart, (d, r, w) -> {
                int n = 500 + r.nextInt(2000);
                for (int i = 0; i < n; i++) {
                    d.form.add(new Draft.Param("p" + i, "v"));
                }
            }),
            new Mutation("empty pairs", d -> d.kind == Draft.BodyKind.FORM, (d, r, w) ->
                    d.form.add(r.nextInt(d.form.size() + 1), new Draft.Param(Values.pick(r, List.of("", "&", "=", "=x", "&&")), null))),
            new Mutation("another grant_type", d -> find(d, "grant_type") != null, (d, r, w) -> {
                Draft.Param p = find(d, "grant_type");
                replace(d, p, new Draft.Param(p.name(), Draft.encode(Values.pick(r, GRANT_TYPES))));
            }),
            new Mutation("a parameter moved to the query", d -> d.kind == Draft.BodyKind.FORM && !d.form.isEmpty(),
                    (d, r, w) -> d.query.add(d.form.remove(r.nextInt(d.form.size())))),
            new Mutation("client assertion added", d -> d.kind == Draft.BodyKind.FORM, (d, r, w) -> {
                d.form.add(Draft.Param.encoded("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
                d.form.add(Draft.Param.encoded("client_assertion", w.hs256Assertion(w.issuer())));
            }),

            // ---- JSON bodies
            new Mutation("truncate the JSON", Mutations::isJson, (d, r, w) ->
                    d.text = d.text.substring(0, r.nextInt(Math.max(1, d.text.length())))),
            new Mutation("duplicate a JSON key", Mutations::isJson, (d, r, w) -> {
                int brace = d.text.indexOf('{');
                int colon = d.text.indexOf(':', brace);
                if (brace >= 0 && colon > brace) {
                    String key = d.text.substring(brace + 1, colon);
                    d.text = d.text.substring(0, brace + 1) + key + ":\"dup\"," + d.text.substring(brace + 1);
                }
            }),
            new Mutation("deep nesting", Mutations::isJson, (d, r, w) -> {
                int depth = Values.pick(r, List.of(1_000, 10_000, 100_000));
                boolean closed = r.nextBoolean();
                String open = r.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                String nested = open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
                d.text = r.nextBoolean() ? nested : jsonWithValue(d, r, nested);
            }),
            new Mutation("huge number", Mutations::isJson, (d, r, w) -> d.text = jsonWithValue(d, r, Values.pick(r, List.of(
                    "1e999999", "-1e999999", "123456789012345678901234567890123456789", "1" + "0".repeat(5000),
                    "0.000000000000000000000000000001", "-0", "1.7976931348623157e309", "2147483648", "-2147483649",
                    "9223372036854775808")))),
            new Mutation("another JSON type", Mutations::isJson, (d, r, w) -> tree(d, r, (parent, field) -> {
                JsonNode value = switch (r.nextInt(8)) {
                    case 0 -> NODES.numberNode(r.nextInt());
                    case 1 -> NODES.booleanNode(r.nextBoolean());
                    case 2 -> NODES.nullNode();
                    case 3 -> NODES.arrayNode().add(Values.any(r)).add(1);
                    case 4 -> NODES.objectNode().put("a", Values.any(r));
                    case 5 -> NODES.textNode(Values.any(r));
                    case 6 -> NODES.numberNode(new BigInteger("9".repeat(400)));
                    default -> NODES.textNode(Values.huge(r));
                };
                parent.set(field, value);
            })),
            new Mutation("drop a JSON field", Mutations::isJson, (d, r, w) -> tree(d, r, ObjectNode::remove)),
            new Mutation("add a JSON field", Mutations::isJson, (d, r, w) -> tree(d, r, (parent, field) ->
                    parent.put(r.nextBoolean() ? Values.pick(r, PARAMETER_NAMES) : Values.any(r), value(r, w)))),
            new Mutation("trailing garbage after the JSON", Mutations::isJson, (d, r, w) ->
                    d.text = d.text + Values.pick(r, List.of("}", "{}", "x", ",", "\u0000", " [1]", "\n\n{\"a\":1}"))),
            new Mutation("byte order mark", Mutations::isJson, (d, r, w) -> d.text = "\u00ef\u00bb\u00bf" + d.text),
            new Mutation("raw invalid UTF-8 in the JSON", Mutations::isJson, (d, r, w) -> {
                int quote = d.text.indexOf('"', 1 + r.nextInt(Math.max(1, d.text.length() - 1)));
                int at = quote < 0 ? d.text.length() / 2 : quote;
                d.text = d.text.substring(0, at) + Values.invalidUtf8(r) + d.text.substring(at);
            }),
            new Mutation("JSON that is not an object", Mutations::isJson, (d, r, w) -> d.text = Values.pick(r, List.of(
                    "[]", "[" + d.text + "]", "\"text\"", "42", "null", "true", "", " ", "{}", "{\"data\":null}",
                    "{\"data\":[]}", "{\"data\":{\"type\":\"token\"}}"))),
            new Mutation("odd JSON escapes", Mutations::isJson, (d, r, w) -> d.text = jsonWithValue(d, r, Values.pick(r, List.of(
                    "\"\\ud800\"", "\"\\u0000\"", "\"\\udfff\\ud800\"", "\"\\x41\"", "\"\\u12\"", "\"\\\"", "\"a\\\"",
                    "\"\\/\\b\\f\\n\\r\\t\"")))),
            new Mutation("lenient JSON syntax", Mutations::isJson, (d, r, w) -> d.text = Values.pick(r, List.of(
                    d.text.replace('"', '\''), "/* c */" + d.text, d.text.replaceFirst("\\}$", ",}"),
                    d.text.replaceAll("\"([a-z_]+)\":", "$1:"), jsonWithValue(d, r, "NaN"),
                    jsonWithValue(d, r, "undefined"), d.text.replace(":", " : ").replace(",", " ,\n"),
                    "# comment\n" + d.text))),
            new Mutation("JSON in UTF-16", Mutations::isJson, (d, r, w) -> d.text = new String(
                    new String(d.text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                            .getBytes(r.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16),
                    StandardCharsets.ISO_8859_1)),

            // ---- bodies of any kind
            new Mutation("form to JSON", d -> d.kind == Draft.BodyKind.FORM, (d, r, w) -> {
                ObjectNode object = NODES.objectNode();
                for (Draft.Param p : d.form) {
                    object.put(decode(p.name()), p.value() == null ? null : decode(p.value()));
                }
                d.kind = Draft.BodyKind.JSON;
                d.text = Draft.utf8(object.toString());
                if (r.nextBoolean()) {
                    d.setHeader("Content-Type", "application/json");
                }
            }),
            new Mutation("JSON to form", Mutations::isJson, (d, r, w) -> {
                try {
                    JsonNode root = JSON.readTree(d.text.getBytes(StandardCharsets.ISO_8859_1));
                    d.form.clear();
                    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> field = it.next();
                        d.form.add(Draft.Param.encoded(field.getKey(),
                                field.getValue().isTextual() ? field.getValue().textValue() : field.getValue().toString()));
                    }
                    d.kind = Draft.BodyKind.FORM;
                } catch (Exception e) {
                    d.kind = Draft.BodyKind.RAW;
                }
                if (r.nextBoolean()) {
                    d.setHeader("Content-Type", "application/x-www-form-urlencoded");
                }
            }),
            new Mutation("to multipart", d -> d.kind == Draft.BodyKind.FORM, (d, r, w) -> {
                d.kind = Draft.BodyKind.MULTIPART;
                List<Draft.Param> decoded = new ArrayList<>();
                for (Draft.Param p : d.form) {
                    decoded.add(new Draft.Param(decode(p.name()), p.value() == null ? null : Draft.utf8(decode(p.value()))));
                }
                d.form.clear();
                d.form.addAll(decoded);
                d.setHeader("Content-Type", "multipart/form-data; boundary=" + d.boundary);
            }),
            new Mutation("broken multipart", d -> d.kind == Draft.BodyKind.MULTIPART, (d, r, w) -> {
                d.freezeMultipart();
                d.text = switch (r.nextInt(8)) {
                    case 0 -> d.text.substring(0, r.nextInt(Math.max(1, d.text.length())));
                    case 1 -> d.text.replace("--" + d.boundary + "--", "");
                    case 2 -> d.text.replace("\r\n", "\n");
                    case 3 -> d.text.replace("Content-Disposition: form-data; ", "");
                    case 4 -> "--" + d.boundary + "\r\nContent-Disposition: form-data; name=\"client_id\"; filename=\"a.txt\"\r\n"
                            + "Content-Type: text/plain\r\n\r\nfz-web\r\n" + d.text;
                    case 5 -> d.text.replace("name=\"", "name=\"" + Values.invalidUtf8(r));
                    case 6 -> "--" + d.boundary + "\r\nContent-Disposition: form-data; name=\"state\"\r\n\r\n"
                            + "x".repeat(Values.HUGE) + "\r\n" + d.text;
                    default -> d.text.replace(d.boundary, "other");
                };
                if (r.nextInt(3) == 0) {
                    d.setHeader("Content-Type", Values.pick(r, List.of("multipart/form-data", "multipart/form-data; boundary=",
                            "multipart/form-data; boundary=wrong", "multipart/form-data; boundary=\"" + d.boundary)));
                }
            }),
            new Mutation("empty body", d -> true, (d, r, w) -> {
                d.kind = Draft.BodyKind.RAW;
                d.text = "";
            }),
            new Mutation("random bytes as the body", d -> true, (d, r, w) -> {
                byte[] bytes = new byte[1 + r.nextInt(2000)];
                r.nextBytes(bytes);
                d.kind = Draft.BodyKind.RAW;
                d.text = new String(bytes, StandardCharsets.ISO_8859_1);
            }),
            new Mutation("huge body (100 KB)", d -> true, (d, r, w) -> {
                String current = new String(d.body(), StandardCharsets.ISO_8859_1);
                d.kind = Draft.BodyKind.RAW;
                d.text = current + (d.header("Content-Type").map(h -> h.value().contains("json")).orElse(false)
                        ? " ".repeat(Values.HUGE) : "&pad=" + "A".repeat(Values.HUGE));
            }),
            new Mutation("body over the 1 MB limit", d -> true, (d, r, w) -> {
                String current = new String(d.body(), StandardCharsets.ISO_8859_1);
                d.kind = Draft.BodyKind.RAW;
                d.text = current + "&pad=" + "A".repeat(Draft.BODY_LIMIT + r.nextInt(64 * 1024));
                d.beyondLimits = true;
            }),
            new Mutation("chunked transfer encoding", d -> true, (d, r, w) -> d.chunked = true),
            new Mutation("chunked and a Content-Length", d -> true, (d, r, w) -> {
                d.chunked = true;
                d.lengthAndChunked = true;
                d.beyondLimits = true; // RFC 9112 §6.3: the server may refuse it outright
            }),
            new Mutation("Content-Encoding that is not", d -> true, (d, r, w) ->
                    d.header("Content-Encoding", Values.pick(r, List.of("gzip", "deflate", "br", "identity", "x-fuzz")))),

            // ---- headers
            new Mutation("another Content-Type", d -> true, (d, r, w) -> d.setHeader("Content-Type", Draft.utf8(Values.pick(r, CONTENT_TYPES)))),
            new Mutation("no Content-Type", d -> true, (d, r, w) -> d.removeHeaders("Content-Type")),
            new Mutation("two Content-Types", d -> true, (d, r, w) -> d.header("Content-Type", Values.pick(r, CONTENT_TYPES))),
            new Mutation("malformed Basic authorization", d -> true, (d, r, w) -> d.setHeader("Authorization", badBasic(r))),
            new Mutation("no Authorization", d -> d.header("Authorization").isPresent(), (d, r, w) -> d.removeHeaders("Authorization")),
            new Mutation("two Authorization headers", d -> true, (d, r, w) ->
                    d.header("Authorization", r.nextBoolean() ? Seeds.basic("fz-cc", w.ccSecret) : "Bearer " + w.ccToken())),
            new Mutation("broken bearer token", d -> d.header("Authorization").filter(h -> h.value().startsWith("Bearer ")).isPresent(),
                    (d, r, w) -> {
                        String token = d.header("Authorization").orElseThrow().value().substring(7);
                        BrokenTokens.Broken broken = BrokenTokens.breakToken(token, r, w.tokens());
                        d.note(broken.how());
                        d.setHeader("Authorization", "Bearer " + Draft.utf8(broken.token()));
                    }),
            new Mutation("another authorization scheme", d -> true, (d, r, w) -> d.setHeader("Authorization", Draft.utf8(switch (r.nextInt(7)) {
                case 0 -> "Bearer " + w.ccToken();
                case 1 -> "Bearer " + Values.pick(r, w.tokens());
                case 2 -> "Bearer " + w.operator();
                case 3 -> Seeds.basic("fz-web", w.webSecret);
                case 4 -> "bearer  " + w.operator() + " ";
                case 5 -> Values.pick(r, List.of("Digest username=\"a\"", "Negotiate YII=", "Token abc", "Bearer",
                        "Bearer ", "Bearer a b", "Basic", "", " ", "Bearer " + "A".repeat(20_000)));
                default -> "Bearer " + Values.any(r).replace('\r', ' ').replace('\n', ' ');
            }))),
            new Mutation("another Host", d -> true, (d, r, w) -> d.setHeader("Host", Values.pick(r, HOSTS))),
            new Mutation("no Host", d -> true, (d, r, w) -> {
                d.removeHeaders("Host");
                d.beyondLimits = true; // RFC 9112 §3.2: a request without Host is refused with 400
            }),
            new Mutation("two Hosts", d -> true, (d, r, w) -> {
                d.header("Host", Values.pick(r, HOSTS));
                d.beyondLimits = true; // RFC 9112 §3.2: more than one Host is refused with 400
            }),
            new Mutation("invalid UTF-8 in a header value", d -> true, (d, r, w) -> {
                String name = Values.pick(r, List.of("Authorization", "Host", "Content-Type", "Cookie", "X-Request-Id",
                        "User-Agent", "Accept", "Accept-Charset"));
                String current = d.header(name).map(Draft.Header::value).orElse("x");
                int at = r.nextInt(current.length() + 1);
                d.setHeader(name, current.substring(0, at) + Values.invalidUtf8(r) + current.substring(at));
            }),
            new Mutation("control characters in a header value", d -> true, (d, r, w) -> {
                String name = Values.pick(r, List.of("Authorization", "Host", "Content-Type", "X-Request-Id", "User-Agent"));
                String current = d.header(name).map(Draft.Header::value).orElse("x");
                d.setHeader(name, current + Values.pick(r, List.of("\u0000", "\u0001", "\u007f", "\u000b", "\u001b[31m")));
                d.beyondLimits = true; // RFC 9110 §5.5: not a valid field value
            }),
            new Mutation("another Accept", d -> true, (d, r, w) -> d.setHeader("Accept", Values.pick(r, ACCEPTS))),
            new Mutation("cookies", d -> true, (d, r, w) -> d.setHeader("Cookie", Draft.utf8(switch (r.nextInt(6)) {
                case 0 -> "tollgate_login_csrf=" + w.csrfCookie + "; tollgate_login_csrf=other";
                case 1 -> "tollgate_login_csrf=" + flip(w.csrfCookie, r);
                case 2 -> "tollgate_login_csrf=\"" + w.csrfCookie + "\"";
                case 3 -> "tollgate_login_csrf=" + "A".repeat(4000);
                case 4 -> "tollgate_login_csrf";
                default -> ";;=;" + Values.ascii(r, 30).replace(';', ',');
            }))),
            new Mutation("odd X-Request-Id", d -> true, (d, r, w) -> d.setHeader("X-Request-Id", Draft.utf8(Values.pick(r, List.of(
                    "a".repeat(129), "<script>", "id with spaces", "\u00e9t\u00e9", "../x", "", "x".repeat(4000)))))),
            new Mutation("many headers", d -> true, (d, r, w) -> {
                for (int i = 0; i < 60; i++) {
                    d.header("X-Fuzz-" + i, Values.ascii(r, 20));
                }
            }),
            new Mutation("huge header (16 KB)", d -> true, (d, r, w) -> {
                d.header("X-Fuzz-Large", "a".repeat(16 * 1024));
                d.beyondLimits = true; // past the HTTP layer's header size limit: 431
            }),
            new Mutation("Expect: 100-continue", d -> true, (d, r, w) -> d.header("Expect", "100-continue")),
            new Mutation("forwarding headers", d -> true, (d, r, w) -> {
                d.header("X-Forwarded-For", Values.pick(r, List.of("1.2.3.4", "garbage", "1.2.3.4, 5.6.7.8", "::1", "")));
                d.header("X-Forwarded-Host", Values.pick(r, HOSTS));
                d.header("Forwarded", "for=\"[::1]\";host=" + FuzzWorld.HOST + ";proto=https");
            }),

            // ---- method, path, query
            new Mutation("another method", d -> true, (d, r, w) -> d.method = Values.pick(r, METHODS)),
            new Mutation("trailing slash", d -> true, (d, r, w) -> d.path = d.path + "/"),
            new Mutation("double slash", d -> d.path.length() > 1, (d, r, w) -> {
                int at = d.path.indexOf('/', 1 + r.nextInt(d.path.length() - 1));
                d.path = at < 0 ? "/" + d.path : d.path.substring(0, at) + "/" + d.path.substring(at);
            }),
            new Mutation("another tenant in the path", d -> d.path.contains("/realms/" + FuzzWorld.SLUG)
                    || d.path.contains("/tenants/" + FuzzWorld.ADMIN_TARGET), (d, r, w) -> {
                String slug = Values.pick(r, SLUGS);
                d.path = d.path.replace("/realms/" + FuzzWorld.SLUG, "/realms/" + slug)
                        .replace("/tenants/" + FuzzWorld.ADMIN_TARGET, "/tenants/" + slug);
            }),
            new Mutation("another id in the path", d -> d.path.matches("/admin/tenants/[^/]+/(clients|users)/[^/]+.*"),
                    (d, r, w) -> d.path = d.path.replaceFirst("/(clients|users)/[^/]+", "/$1/" + Values.pick(r, List.of(
                            "unknown", "%00", "x".repeat(3000), "%E2%82%AC", "%zz", "..", "not-a-uuid", "00000000-0000-0000-0000-0000000000000",
                            "FZ-VICTIM", "fz-victim%20", Draft.encode(Values.any(r)))))),
            new Mutation("percent-encoded path character", d -> d.path.length() > 2, (d, r, w) -> {
                int at = 1 + r.nextInt(d.path.length() - 1);
                char c = d.path.charAt(at);
                d.path = d.path.substring(0, at) + "%" + String.format("%02X", (int) c & 0xff) + d.path.substring(at + 1);
            }),
            new Mutation("invalid percent-encoding in the path", d -> true, (d, r, w) -> d.path = d.path + Values.badEscape(r)),
            new Mutation("extra path segment", d -> true, (d, r, w) -> d.path = d.path + Values.pick(r, List.of(
                    "/x", "/..", "/.", "/%2e%2e", "/..;", ";jsessionid=1", "/%00", "/%ff", "/" + "a".repeat(2000)))),
            new Mutation("upper-case path", d -> true, (d, r, w) -> d.path = d.path.toUpperCase()),
            new Mutation("add a query parameter", d -> true, (d, r, w) -> d.query.add(Draft.Param.encoded(
                    r.nextBoolean() ? Values.pick(r, PARAMETER_NAMES) : Values.any(r), value(r, w)))),
            new Mutation("credential in the query", d -> true, (d, r, w) -> d.query.add(Draft.Param.encoded(Values.pick(r,
                    List.of("client_secret", "password", "refresh_token", "code", "assertion", "token", "code_verifier")), "x"))),
            new Mutation("huge query", d -> true, (d, r, w) -> {
                d.query.add(new Draft.Param("q", "a".repeat(16 * 1024)));
                d.beyondLimits = true; // past the HTTP layer's request-line limit: 414
            }),
            new Mutation("bad escapes in the query", d -> true, (d, r, w) -> d.query.add(new Draft.Param(
                    "state", r.nextBoolean() ? Values.badEscape(r) : Values.invalidUtf8Escapes(r)))),
            new Mutation("raw bytes in the request target", d -> true, (d, r, w) -> {
                d.query.add(new Draft.Param("state", Values.pick(r, List.of(Values.invalidUtf8(r), "a b", "<>", "\"{}|\\^`"))));
                d.beyondLimits = true; // RFC 3986: not a valid request target
            }),

            // ---- tokens in the body
            new Mutation("broken token in a parameter", d -> tokenParam(d) != null, (d, r, w) -> {
                Draft.Param p = tokenParam(d);
                BrokenTokens.Broken broken = BrokenTokens.breakToken(decode(p.value()), r, w.tokens());
                d.note(broken.how());
                replace(d, p, new Draft.Param(p.name(), Draft.encode(broken.token())));
            }));

    private Mutations() {
    }

    /** Applies {@code count} applicable mutations, chosen at random. */
    static void mutate(Draft draft, int count, SplittableRandom random, FuzzWorld world) {
        for (int i = 0; i < count; i++) {
            List<Mutation> applicable = ALL.stream().filter(m -> m.applies().test(draft)).toList();
            Mutation mutation = applicable.get(random.nextInt(applicable.size()));
            draft.note(mutation.name());
            mutation.change().apply(draft, random, world);
        }
    }

    // ---- helpers

    private static boolean hasParams(Draft d) {
        return ((d.kind == Draft.BodyKind.FORM || d.kind == Draft.BodyKind.MULTIPART) && !d.form.isEmpty())
                || !d.query.isEmpty();
    }

    private static boolean formOrMultipart(Draft d) {
        return (d.kind == Draft.BodyKind.FORM || d.kind == Draft.BodyKind.MULTIPART) && !d.form.isEmpty();
    }

    private static boolean isJson(Draft d) {
        return d.kind == Draft.BodyKind.JSON;
    }

    /** The form's parameters or the query's, whichever there are (either when both). */
    private static List<Draft.Param> params(Draft d, SplittableRandom r) {
        boolean form = (d.kind == Draft.BodyKind.FORM || d.kind == Draft.BodyKind.MULTIPART) && !d.form.isEmpty();
        if (form && !d.query.isEmpty()) {
            return r.nextBoolean() ? d.form : d.query;
        }
        return form || d.query.isEmpty() ? d.form : d.query;
    }

    private static Draft.Param pickParam(Draft d, SplittableRandom r) {
        List<Draft.Param> params = params(d, r);
        return params.get(r.nextInt(params.size()));
    }

    private static void replaceValue(Draft d, SplittableRandom r, String value) {
        Draft.Param p = pickParam(d, r);
        replace(d, p, new Draft.Param(p.name(), value));
    }

    private static void replace(Draft d, Draft.Param old, Draft.Param updated) {
        for (List<Draft.Param> list : List.of(d.form, d.query)) {
            int at = list.indexOf(old);
            if (at >= 0) {
                list.set(at, updated);
                return;
            }
        }
    }

    private static Draft.Param find(Draft d, String name) {
        for (List<Draft.Param> list : List.of(d.form, d.query)) {
            for (Draft.Param p : list) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static Draft.Param tokenParam(Draft d) {
        for (Draft.Param p : d.form) {
            if (p.value() != null && List.of("assertion", "token", "refresh_token", "code", "client_assertion")
                    .contains(p.name()) && BrokenTokens.looksLikeToken(decode(p.value()))) {
                return p;
            }
        }
        return null;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** A hostile value, or one of the world's valid values in the wrong place. */
    private static String value(SplittableRandom r, FuzzWorld w) {
        return switch (r.nextInt(6)) {
            case 0 -> Values.pick(r, w.tokens());
            case 1 -> Values.pick(r, List.of(w.ccSecret, w.webSecret, FuzzWorld.PASSWORD, FuzzWorld.EMAIL,
                    FuzzWorld.REDIRECT, FuzzWorld.VERIFIER, w.challenge, "fz-web", "fz-cc", "fz-spa", "S256", "plain"));
            default -> Values.any(r);
        };
    }

    private static String decode(String value) {
        try {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String flip(String text, SplittableRandom r) {
        int at = r.nextInt(text.length());
        return text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1);
    }

    private static String badBasic(SplittableRandom r) {
        Base64.Encoder b64 = Base64.getEncoder();
        String valid = new String(b64.encode("fz-cc:secret".getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
        return Draft.utf8(switch (r.nextInt(16)) {
            case 0 -> "Basic";
            case 1 -> "Basic ";
            case 2 -> "Basic !!!not-base64!!!";
            case 3 -> "Basic " + b64.encodeToString("no-colon".getBytes(StandardCharsets.UTF_8));
            case 4 -> "Basic " + b64.encodeToString(":secret-without-id".getBytes(StandardCharsets.UTF_8));
            case 5 -> "Basic " + b64.encodeToString("fz-cc:".getBytes(StandardCharsets.UTF_8));
            case 6 -> "Basic " + b64.encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, ':', (byte) 0xc3});
            case 7 -> "Basic " + b64.encodeToString("fz-cc%zz:x%".getBytes(StandardCharsets.UTF_8));
            case 8 -> "Basic " + "QUFB".repeat(10_000);
            case 9 -> "basic " + valid;
            case 10 -> "Basic    " + valid + "   ";
            case 11 -> "Basic " + valid + " extra";
            case 12 -> "Basic " + valid.replace("=", "");
            case 13 -> "Basic " + Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xfb, (byte) 0xff, ':', 'a'});
            case 14 -> "Basic " + b64.encodeToString(("fz-cc:" + "s".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
            default -> "Basic " + b64.encodeToString("fz-cc:%E9t%C3%A9".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Sets a value somewhere in the JSON text (through the tree when it parses, else textually). */
    private static String jsonWithValue(Draft d, SplittableRandom r, String rawValue) {
        int colon = d.text.indexOf(':');
        if (colon < 0) {
            return rawValue;
        }
        int end = colon + 1;
        int depth = 0;
        boolean inString = false;
        for (; end < d.text.length(); end++) {
            char c = d.text.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return d.text.substring(0, colon + 1) + rawValue + d.text.substring(end);
    }

    interface FieldChange {
        void apply(ObjectNode parent, String field);
    }

    /** Changes one field somewhere in the JSON object tree; leaves text that does not parse alone. */
    private static void tree(Draft d, SplittableRandom r, FieldChange change) {
        JsonNode root;
        try {
            root = JSON.readTree(d.text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (Exception e) {
            return;
        }
        if (root == null || !root.isObject()) {
            return;
        }
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        ObjectNode parent = objects.get(r.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        parent.fieldNames().forEachRemaining(names::add);
        String field = names.isEmpty() ? "fz" : names.get(r.nextInt(names.size()));
        change.apply(parent, field);
        d.text = Draft.utf8(root.toString());
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        if (node instanceof ObjectNode || node instanceof ArrayNode) {
            node.elements().forEachRemaining(child -> collect(child, objects));
        }
    }
}
