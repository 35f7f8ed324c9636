package dev.tollgate.domain.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceAddressTest {

    @Test
    void ipv4AsItIs() {
        assertEquals("203.0.113.7", SourceAddress.of("203.0.113.7").value());
        assertEquals("203.0.113.7", SourceAddress.of("::ffff:203.0.113.7").value());
    }

    @Test
    void ipv6ByItsSlash64() {
        assertEquals("2001:db8:0:1::/64", SourceAddress.of("2001:db8::1:0:0:0:5").value());
        assertEquals(SourceAddress.of("2001:0db8:0000:0001:aaaa::1"), SourceAddress.of("[2001:db8:0:1::2]"));
        assertEquals("fe80:0:0:0::/64", SourceAddress.of("fe80::1%eth0").value());
        assertEquals("0:0:0:0::/64", SourceAddress.of("::1").value());
    }

    @Test
    void missingIsUnknown() {
        assertEquals(SourceAddress.UNKNOWN, SourceAddress.of(null));
        assertEquals(SourceAddress.UNKNOWN, SourceAddress.of(" "));
    }
}
