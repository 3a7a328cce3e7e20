package io.github.rembed.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rembed.RembedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The sequential baseline: one image at a time, in order, stopping at the first failure. */
class SequentialImagesTest {
    private final List<String> decoded = new ArrayList<>();
    private final Function<String, byte[]> decode = s -> {
        decoded.add(s);
        if (s.isEmpty()) {
            throw new RembedException("empty image");
        }
        return Fakes.png(s);
    };

    @Test
    void eachImageInTurnNullsStayNull() {
        Fakes.Vision v = new Fakes.Vision();
        List<float[]> out = SequentialImages.embed(Fakes.pipeline(v, new Fakes.Embedder(), 4, 10),
                Arrays.asList("a", null, "b"), decode, Cancellation.NEVER);
        assertArrayEquals(Fakes.vectorFor("caption of a"), out.get(0));
        assertNull(out.get(1));
        assertArrayEquals(Fakes.vectorFor("caption of b"), out.get(2));
        assertEquals(1, v.peak.get(), "one image at a time");
    }

    @Test
    void theFirstFailureEndsTheCallNamingItsIndexAndStage() {
        Fakes.Vision v = new Fakes.Vision();
        v.behaviour = t -> {
            if (t.equals("bad")) {
                throw new RembedException("model exploded");
            }
            return "caption of " + t;
        };
        var e = assertThrows(SequentialImages.ItemFailed.class, () -> SequentialImages.embed(
                Fakes.pipeline(v, new Fakes.Embedder(), 4, 10), List.of("a", "bad", "never"), decode,
                Cancellation.NEVER));
        assertEquals(1, e.index());
        assertTrue(e.getMessage().startsWith("vision: ") && e.getMessage().contains("model exploded"), e.getMessage());
        assertEquals(List.of("a", "bad"), decoded, "nothing after the failure is even decoded");
    }

    @Test
    void anUndecodableItemFailsWithTheDecodersMessage() {
        Fakes.Vision v = new Fakes.Vision();
        var e = assertThrows(SequentialImages.ItemFailed.class, () -> SequentialImages.embed(
                Fakes.pipeline(v, new Fakes.Embedder(), 4, 10), List.of("a", ""), decode, Cancellation.NEVER));
        assertEquals(1, e.index());
        assertEquals("empty image", e.getMessage());
        assertEquals(1, v.calls.get());
    }
}
