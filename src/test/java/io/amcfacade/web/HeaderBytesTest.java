package io.amcfacade.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * How a header's bytes become the text the trail records: the HTTP server hands them over one byte per
 * character (ISO-8859-1), callers send UTF-8, and bytes that are not UTF-8 are kept — escaped — not dropped
 * or turned into other characters.
 */
class HeaderBytesTest {

    /** What the HTTP server hands over for {@code bytes}. */
    private static String asRead(byte... bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void asciiAndUtf8AreReadAsSent() {
        assertThat(CorrelationIdFilter.utf8("ops-bot")).isEqualTo("ops-bot");
        assertThat(CorrelationIdFilter.utf8(asRead("Zoë Ünal".getBytes(StandardCharsets.UTF_8)))).isEqualTo("Zoë Ünal");
    }

    @Test
    void bytesThatAreNotUtf8AreEscapedNotDropped() {
        // a 0x80 b: a lone continuation byte, before as the C1 control U+0080 (invisible, "ab" on every page)
        assertThat(CorrelationIdFilter.utf8(asRead((byte) 'a', (byte) 0x80, (byte) 'b'))).isEqualTo("a\\x80b");
        // a truncated sequence at the end, and valid UTF-8 around a bad byte
        assertThat(CorrelationIdFilter.utf8(asRead((byte) 'x', (byte) 0xc3))).isEqualTo("x\\xc3");
        byte[] mixed = { (byte) 0xc3, (byte) 0xab, (byte) 0xff, (byte) 0xc3, (byte) 0xab };
        assertThat(CorrelationIdFilter.utf8(asRead(mixed))).isEqualTo("ë\\xffë");
    }
}
