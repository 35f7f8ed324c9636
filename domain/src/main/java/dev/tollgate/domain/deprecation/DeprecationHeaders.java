package dev.tollgate.domain.deprecation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response headers that announce a deprecation: {@code Deprecation: @<epoch seconds>} (RFC 9745),
 * {@code Sunset: <IMF-fixdate>} (RFC 8594) when a sunset is set, and {@code Link} to the migration guide with
 * {@code rel="deprecation"} (and {@code rel="sunset"} when set). Every dialect sends the same ones.
 */
public final class DeprecationHeaders {

    /** IMF-fixdate (RFC 9110 §5.6.7): always a two-digit day, unlike RFC_1123_DATE_TIME. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);

    private DeprecationHeaders() {
    }

    public static Map<String, String> of(DeprecationDecision.Notice notice) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Deprecation", "@" + notice.deprecatedAt().getEpochSecond());
        String link = "<" + notice.guide() + ">; rel=\"deprecation\"; type=\"text/html\"";
        if (notice.sunsetAt().isPresent()) {
            headers.put("Sunset", IMF_FIXDATE.format(notice.sunsetAt().get().atOffset(ZoneOffset.UTC)));
            link += ", <" + notice.guide() + ">; rel=\"sunset\"; type=\"text/html\"";
        }
        headers.put("Link", link);
        return headers;
    }
}
