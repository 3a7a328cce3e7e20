package io.github.rembed.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's hostile reply bodies behave as a broken or malicious server would. */
class HostileBodiesTest {
    private static final Duration GUARD = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SimulatedProvider sim;

    @BeforeEach
    void start() {
        sim = SimulatedProvider.builder().embeddingDimensions(4).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Status and headers only; the body is left to read as a stream. */
    private HttpResponse<InputStream> post(Fault fault) throws Exception {
        sim.faults().failNext(Endpoint.OLLAMA_EMBED, 1, fault);
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + Endpoint.OLLAMA_EMBED.path()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"input\":[\"a\"]}")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Whether a read of the body blocks (the server sends nothing more). */
    private static boolean readBlocks(InputStream in) throws Exception {
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return in.read();
            } catch (Exception e) {
                return -2;
            }
        });
        try {
            read.get(300, TimeUnit.MILLISECONDS);
            return false;
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            return true;
        }
    }

    @Test
    void anEndlessBodyKeepsComing() throws Exception {
        assertTimeoutPreemptively(GUARD, () -> {
            HttpResponse<InputStream> r = post(Fault.endlessBody());
            assertEquals(200, r.statusCode());
            try (InputStream in = r.body()) {
                assertArrayEquals(HostileBodies.PREFIX, in.readNBytes(HostileBodies.PREFIX.length));
                assertEquals(8 << 20, in.readNBytes(8 << 20).length, "far more than any reply");
            }
        });
    }

    @Test
    void aHugeBodyAnnouncesItsLength() throws Exception {
        assertTimeoutPreemptively(GUARD, () -> {
            HttpResponse<InputStream> r = post(Fault.hugeBody(500L << 20));
            assertEquals(500L << 20, r.headers().firstValueAsLong("Content-Length").orElseThrow());
            try (InputStream in = r.body()) {
                assertArrayEquals(HostileBodies.PREFIX, in.readNBytes(HostileBodies.PREFIX.length));
            }
        });
    }

    @Test
    void aStalledBodyStopsAfterItsFirstBytes() throws Exception {
        assertTimeoutPreemptively(GUARD, () -> {
            HttpResponse<InputStream> r = post(Fault.stalledBody());
            InputStream in = r.body();
            assertArrayEquals(HostileBodies.PREFIX, in.readNBytes(HostileBodies.PREFIX.length));
            assertEquals(true, readBlocks(in));
            sim.close(); // releases the stalled request
        });
    }

    @Test
    void slowlorisTricklesOneByteAtATime() throws Exception {
        assertTimeoutPreemptively(GUARD, () -> {
            HttpResponse<InputStream> r = post(Fault.slowloris(Duration.ofMillis(10)));
            InputStream in = r.body();
            in.readNBytes(HostileBodies.PREFIX.length);
            assertArrayEquals("000".getBytes(), in.readNBytes(3));
            sim.close();
        });
    }

    @Test
    void hangAfterHeadersSendsNoBody() throws Exception {
        assertTimeoutPreemptively(GUARD, () -> {
            HttpResponse<InputStream> r = post(Fault.hangAfterHeaders());
            assertEquals(200, r.statusCode());
            assertEquals(true, readBlocks(r.body()));
            sim.close();
        });
    }

    @Test
    void laterRequestsAreNormal() throws Exception {
        post(Fault.endlessBody()).body().close();
        post(Fault.hugeBody(1 << 20)).body().close();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + Endpoint.OLLAMA_EMBED.path()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"input\":[\"a\"]}")).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().length() < 1000 && r.body().contains("\"model\":\"m\""), "a normal reply");
    }
}
