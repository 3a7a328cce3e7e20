package io.github.rembed.internal.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.RembedException;
import java.util.Map;

/**
 * The third argument of {@code rembed_batch}: an input type ({@code 'search_document'}), as in
 * sqlite-rembed, or a JSON object of options: {@code input_type} and {@code per_item_errors}.
 *
 * @param inputType     sent to providers that take one, or {@code null}
 * @param perItemErrors a result per item (errors included) instead of failing the whole call
 */
record BatchOptions(String inputType, boolean perItemErrors) {
    static final BatchOptions NONE = new BatchOptions(null, false);

    static BatchOptions parse(String argument) {
        if (argument == null) {
            return NONE;
        }
        if (!argument.trim().startsWith("{")) {
            return new BatchOptions(argument, false);
        }
        JsonNode node;
        try {
            node = JsonArrays.JSON.readTree(argument);
        } catch (JsonProcessingException e) {
            throw new RembedException("options are not valid JSON: " + e.getOriginalMessage());
        }
        String inputType = null;
        boolean perItem = false;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "input_type" -> {
                    if (!v.isTextual()) {
                        throw new RembedException("option 'input_type' must be a string");
                    }
                    inputType = v.textValue();
                }
                case "per_item_errors" -> {
                    if (!v.isBoolean() && !(v.isInt() && (v.intValue() == 0 || v.intValue() == 1))) {
                        throw new RembedException("option 'per_item_errors' must be true or false");
                    }
                    perItem = v.asBoolean();
                }
                default -> throw new RembedException("unknown option '" + e.getKey()
                        + "'; expected input_type or per_item_errors");
            }
        }
        return new BatchOptions(inputType, perItem);
    }

    boolean isDefault() {
        return inputType == null && !perItemErrors;
    }
}
