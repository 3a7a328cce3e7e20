package io.github.rembed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void rememberedSecretsAreMaskedWherever_they_appear() {
        Redactor.remember("my-very-private-token");
        String out = Redactor.scrub("server said: invalid key my-very-private-token (check it)");
        assertFalse(out.contains("my-very-private-token"));
        assertTrue(out.contains("***"));
    }

    @Test
    void bearerTokensAndOpenAiStyleKeysAreMaskedEvenIfUnknown() {
        assertEquals("Authorization: Bearer *** failed", Redactor.scrub("Authorization: Bearer abc.def failed"));
        assertEquals("Incorrect API key provided: ***.", Redactor.scrub("Incorrect API key provided: sk-proj-abcdef123456."));
    }

    @Test
    void describeJoinsCausesWithoutRepeating() {
        Exception e = new RuntimeException("outer", new IllegalStateException("inner sk-abcdefghij"));
        assertEquals("outer: inner ***", Redactor.describe(e));
    }
}
