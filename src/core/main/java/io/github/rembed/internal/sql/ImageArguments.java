package io.github.rembed.internal.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rembed.RembedException;
import io.github.rembed.internal.pipeline.ImageInput;
import java.util.AbstractList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Turns the image arguments of the SQL functions (base64 TEXT, {@code data:} URLs, JSON arrays) into bytes. */
final class ImageArguments {
    private ImageArguments() {
    }

    /** Bytes of an image argument, refused past {@code maxBytes}. */
    static byte[] checked(byte[] image, long maxBytes) {
        if (image.length > maxBytes) {
            throw tooLarge(image.length, maxBytes);
        }
        return image;
    }

    private static RembedException tooLarge(long bytes, long maxBytes) {
        return new RembedException("image of " + bytes + " bytes is larger than the " + maxBytes + "-byte limit");
    }

    /** Base64 text or a {@code data:...;base64,...} URL to at most {@code maxBytes} bytes; an error names what is wrong. */
    static byte[] decode(String text, long maxBytes) {
        return checked(decode(text), maxBytes);
    }

    /** Base64 text or a {@code data:...;base64,...} URL to bytes; an error names what is wrong. */
    static byte[] decode(String text) {
        String t = text.strip();
        if (t.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = t.indexOf(',');
            if (comma < 0) {
                throw new RembedException("malformed data: URL (no ',')");
            }
            String meta = t.substring(5, comma).toLowerCase(Locale.ROOT);
            if (!meta.endsWith(";base64")) {
                throw new RembedException("data: URL must be base64-encoded (data:image/png;base64,...)");
            }
            t = t.substring(comma + 1);
        }
        String compact = t.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            throw new RembedException("empty image");
        }
        try {
            boolean urlSafe = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact);
        } catch (IllegalArgumentException e) {
            throw new RembedException("not base64 image data or a data: URL (" + e.getMessage() + ")");
        }
    }

    /**
     * A JSON array of images as a list whose items are decoded only when read, so a large
     * batch is never held twice in memory. Bad items become input errors, not a failed call.
     */
    static List<ImageInput> jsonArray(String json, int maxItems, long maxImageBytes) {
        JsonNode node = JsonArrays.parse(json);
        if (node == null || !node.isArray()) {
            throw new RembedException("expected a JSON array of base64 images, e.g. json_array(readfile_base64('a.png')),"
                    + " got " + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        if (node.size() > maxItems) {
            throw new RembedException("array has " + node.size() + " items; the limit is " + maxItems);
        }
        return new AbstractList<>() {
            @Override
            public ImageInput get(int index) {
                return item(node.get(index), maxImageBytes);
            }

            @Override
            public int size() {
                return node.size();
            }
        };
    }

    private static ImageInput item(JsonNode item, long maxImageBytes) {
        if (item.isNull()) {
            return ImageInput.invalid("item is null; expected a base64 image or a data: URL");
        }
        if (!item.isTextual()) {
            return ImageInput.invalid("item is a JSON " + item.getNodeType().toString().toLowerCase(Locale.ROOT)
                    + "; expected a base64 image or a data: URL");
        }
        try {
            return ImageInput.of(decode(item.textValue(), maxImageBytes));
        } catch (RembedException e) {
            return ImageInput.invalid(e.getMessage());
        }
    }
}
