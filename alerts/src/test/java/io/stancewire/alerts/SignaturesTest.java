package io.stancewire.alerts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {
    @Test
    void matchesTheRfc4231TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(Signatures.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
