package dev.tollgate.bootstrap.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP/1.1 over a plain socket, byte for byte: header values with invalid UTF-8, odd Content-Types, repeated headers
 * and bodies that no HTTP client library would send unchanged. One request per connection ({@code Connection: close}).
 */
final class RawHttp {

    /** A header as it goes on the wire: the value is raw bytes. */
    record Header(String name, byte[] value) {

        static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }

        String text() {
            return new String(value, StandardCharsets.ISO_8859_1);
        }
    }

    /** A request as it goes on the wire; {@code chunked} sends the body in chunks instead of with a length. */
    record Request(String method, String target, List<Header> headers, byte[] body, boolean chunked) {

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::text).findFirst();
        }
    }

    /** What came back. */
    sealed interface Outcome {
    }

    /** A complete response (after any 1xx); header names in lower case. */
    record Response(int status, List<Header> headers, byte[] body, Duration elapsed) implements Outcome {

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equals(name)).map(Header::text).findFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The connection was closed or reset before a complete response arrived. */
    record Closed(String why, byte[] partial, Duration elapsed) implements Outcome {
    }

    /** Nothing complete within the time allowed: a hang. */
    record TimedOut(Duration elapsed, byte[] partial) implements Outcome {
    }

    private RawHttp() {
    }

    static Outcome exchange(String host, int port, Request request, Duration timeout) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            // the request is written by another thread: a server that answers (413) before reading an oversized body
            // must not leave this one blocked in write()
            AtomicReference<IOException> writeFailure = new AtomicReference<>();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(bytes(request));
                    out.flush();
                } catch (IOException e) {
                    writeFailure.set(e);
                }
            });
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long deadline = start + timeout.toNanos();
            try {
                while (true) {
                    Optional<Response> complete = parse(received.toByteArray(), request.method(), start);
                    if (complete.isPresent()) {
                        writer.join(Duration.ofSeconds(1));
                        return complete.get();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return new TimedOut(elapsed(start), received.toByteArray());
                    }
                    socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                    int n = in.read(buffer);
                    if (n < 0) {
                        // closed: a response without length ends here
                        return parseAtEof(received.toByteArray(), request.method(), start)
                                .<Outcome>map(r -> r)
                                .orElseGet(() -> new Closed("closed by the server", received.toByteArray(), elapsed(start)));
                    }
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                return new TimedOut(elapsed(start), received.toByteArray());
            } catch (IOException e) {
                return parseAtEof(received.toByteArray(), request.method(), start)
                        .<Outcome>map(r -> r)
                        .orElseGet(() -> new Closed(e.getClass().getSimpleName() + ": " + e.getMessage()
                                + (writeFailure.get() != null ? " (write: " + writeFailure.get().getMessage() + ")" : ""),
                                received.toByteArray(), elapsed(start)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } catch (IOException e) {
            return new Closed("connect: " + e.getMessage(), new byte[0], elapsed(start));
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static byte[] bytes(Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(request.body().length + 512);
        out.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (Header header : request.headers()) {
            out.writeBytes(header.name().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(": ".getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(header.value());
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (request.chunked()) {
            byte[] body = request.body();
            int chunk = Math.max(1, Math.min(8192, body.length / 3 + 1));
            for (int at = 0; at < body.length; at += chunk) {
                int len = Math.min(chunk, body.length - at);
                out.writeBytes((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, at, len);
                out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.writeBytes(request.body());
        }
        return out.toByteArray();
    }

    /** A complete response in {@code data}, if there is one yet; 1xx interim responses are skipped. */
    private static Optional<Response> parse(byte[] data, String method, long start) {
        int offset = 0;
        while (true) {
            int end = indexOf(data, offset, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (end < 0) {
                return Optional.empty();
            }
            String head = new String(data, offset, end - offset, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            int status = status(lines[0]);
            List<Header> headers = headers(lines);
            int bodyStart = end + 4;
            if (status >= 100 && status < 200) {
                offset = bodyStart;
                continue;
            }
            if (method.equals("HEAD") || status == 204 || status == 304) {
                return Optional.of(new Response(status, headers, new byte[0], elapsed(start)));
            }
            String transferEncoding = value(headers, "transfer-encoding").orElse("");
            if (transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                return dechunk(data, bodyStart).map(body -> new Response(status, headers, body, elapsed(start)));
            }
            Optional<String> length = value(headers, "content-length");
            if (length.isPresent()) {
                int n = Integer.parseInt(length.get().trim());
                if (data.length - bodyStart < n) {
                    return Optional.empty();
                }
                byte[] body = new byte[n];
                System.arraycopy(data, bodyStart, body, 0, n);
                return Optional.of(new Response(status, headers, body, elapsed(start)));
            }
            // no length: the body ends with the connection
            return Optional.empty();
        }
    }

    private static Optional<Response> parseAtEof(byte[] data, String method, long start) {
        Optional<Response> complete = parse(data, method, start);
        if (complete.isPresent()) {
            return complete;
        }
        int end = indexOf(data, 0, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            return Optional.empty();
        }
        String[] lines = new String(data, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        List<Header> headers = headers(lines);
        if (value(headers, "content-length").isPresent() || value(headers, "transfer-encoding").isPresent()) {
            return Optional.empty(); // announced more than arrived: truncated
        }
        byte[] body = new byte[data.length - end - 4];
        System.arraycopy(data, end + 4, body, 0, body.length);
        return Optional.of(new Response(status(lines[0]), headers, body, elapsed(start)));
    }

    private static int status(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        return Integer.parseInt(parts[1]);
    }

    private static List<Header> headers(String[] lines) {
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new Header(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim().getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return headers;
    }

    private static Optional<String> value(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equals(name)).map(Header::text).findFirst();
    }

    private static Optional<byte[]> dechunk(byte[] data, int from) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = from;
        while (true) {
            int lineEnd = indexOf(data, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                return Optional.empty();
            }
            String sizeLine = new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                // trailers end with an empty line
                return indexOf(data, at - 2, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) < 0
                        ? Optional.empty() : Optional.of(body.toByteArray());
            }
            if (data.length < at + size + 2) {
                return Optional.empty();
            }
            body.write(data, at, size);
            at += size + 2;
        }
    }

    private static int indexOf(byte[] data, int from, byte[] needle) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
