package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Lines that set an API key never reach the prompt's history or its file. */
class KeylessHistoryTest {
    @Test
    void linesWithAKeyOptionAreKeptOutOfHistory() {
        assertTrue(KeylessHistory.carriesKey("VALUES ('oa', rembed_client_options('format', 'openai', 'key', 'sk-1'))"));
        assertTrue(KeylessHistory.carriesKey("  'KEY' ,  'sk-1'));"));
        assertTrue(KeylessHistory.carriesKey("INSERT INTO temp.rembed_clients VALUES ('x', '{\"key\": \"sk-1\"}');"));
        assertFalse(KeylessHistory.carriesKey("SELECT key, value FROM json_each('[1]');"));
        assertFalse(KeylessHistory.carriesKey("SELECT 'monkey', 1;"));
    }
}
