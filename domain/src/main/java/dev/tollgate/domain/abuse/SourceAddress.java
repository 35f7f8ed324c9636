package dev.tollgate.domain.abuse;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a request came from, as the limits count it: an IPv4 address as it is, an IPv6 address by its /64 prefix
 * (one host usually owns a whole /64, so counting single IPv6 addresses would let it walk around every limit).
 */
public record SourceAddress(String value) {

    /** Requests whose address is not known (in-process callers, tests): they share one allowance. */
    public static final SourceAddress UNKNOWN = new SourceAddress("unknown");

    public SourceAddress {
        Objects.requireNonNull(value, "value");
    }

    /** The source of a peer address as the HTTP layer reports it (after any trusted proxy's forwarding). */
    public static SourceAddress of(String address) {
        if (address == null || address.isBlank()) {
            return UNKNOWN;
        }
        String plain = address.strip();
        if (plain.startsWith("[") && plain.endsWith("]")) {
            plain = plain.substring(1, plain.length() - 1);
        }
        int zone = plain.indexOf('%');
        if (zone >= 0) {
            plain = plain.substring(0, zone);
        }
        if (plain.indexOf(':') < 0) {
            return new SourceAddress(plain);
        }
        if (plain.startsWith("::ffff:") && plain.indexOf('.') > 0) {
            // an IPv4 client on a dual-stack socket
            return new SourceAddress(plain.substring("::ffff:".length()));
        }
        return new SourceAddress(ipv6Prefix(plain.toLowerCase(Locale.ROOT)));
    }

    /** The first four groups (64 bits) of an IPv6 address, with {@code ::} expanded. */
    private static String ipv6Prefix(String address) {
        String[] groups = new String[8];
        int gap = address.indexOf("::");
        String[] head;
        String[] tail;
        if (gap >= 0) {
            head = split(address.substring(0, gap));
            tail = split(address.substring(gap + 2));
        } else {
            head = split(address);
            tail = new String[0];
        }
        if (head.length + tail.length > 8) {
            return address;
        }
        for (int i = 0; i < 8; i++) {
            groups[i] = "0";
        }
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            String group = groups[i].replaceFirst("^0+(?=.)", "");
            prefix.append(group).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private static String[] split(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }
}
