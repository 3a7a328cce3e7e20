package io.github.rembed.internal.http;

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

    @Test
    void everyKeyInUseIsMaskedHoweverManyThereAre() {
        java.util.List<String> live = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            live.add(Redactor.remember("key-" + i + "-" + Long.toHexString(Double.doubleToLongBits(Math.random()))));
        }
        String last = live.get(live.size() - 1);
        assertEquals("server said: *** is wrong", Redactor.scrub("server said: " + last + " is wrong"));
        assertEquals(live.get(0), Redactor.remember(new String(live.get(0))), "one instance per key, held by its users");
    }

    @Test
    void credentialsInUrlsAreMasked() {
        assertEquals("url 'ftp://user:***@host/v1' is bad", Redactor.scrub("url 'ftp://user:hunter2pass@host/v1' is bad"));
        assertEquals("at https://x.example/v1?api-version=1&api-key=*** failed",
                Redactor.scrub("at https://x.example/v1?api-version=1&api-key=azuresecret123 failed"));
        assertEquals("http://h/v1?token=***&key=***&sig=***",
                Redactor.scrub("http://h/v1?token=t0k3n&key=k3y&sig=s1g"));
        assertEquals("https://x.example/v1?api-version=1", Redactor.url("https://x.example/v1?api-version=1"));
        assertEquals("http://u:***@h:9/v1?api_key=***", Redactor.url("http://u:p4ss@h:9/v1?api_key=v4lue"));
    }
}
