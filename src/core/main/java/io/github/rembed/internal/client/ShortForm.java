package io.github.rembed.internal.client;

import io.github.rembed.RembedException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-word options of a client row: {@code 'openai'} (the row's name is the model),
 * {@code 'ollama::nomic-embed-text'} (provider {@code ::} model) and {@code 'openai:sk-...'}
 * (provider {@code :} key, the fork's inline key; the key may itself hold colons).
 */
final class ShortForm {
    private ShortForm() {
    }

    /** The form as options: {@code format}, and {@code model} or {@code key} when given. */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int colon = text.indexOf(':');
        if (colon < 0) {
            out.put("format", text);
            return out;
        }
        out.put("format", text.substring(0, colon).trim());
        if (colon + 1 < text.length() && text.charAt(colon + 1) == ':') {
            String model = text.substring(colon + 2).trim();
            if (model.isEmpty()) {
                throw new RembedException("model missing after '::'");
            }
            out.put("model", text.substring(0, colon).trim() + "::" + model);
            return out;
        }
        String key = text.substring(colon + 1).trim();
        if (key.isEmpty()) {
            throw new RembedException("key missing after '" + text.substring(0, colon).trim() + ":'");
        }
        out.put("key", key);
        return out;
    }
}
