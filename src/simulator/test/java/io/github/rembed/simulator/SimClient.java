package io.github.rembed.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/** Plain java.net.http calls against a running simulator, for the tests. */
final class SimClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final SimulatedProvider sim;

    SimClient(SimulatedProvider sim) {
        this.sim = sim;
    }

    HttpResponse<String> post(Endpoint e, String body) throws IOException, InterruptedException {
        return post(e, body, null);
    }

    HttpResponse<String> post(Endpoint e, String body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + e.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST to {@code pathAndQuery} with extra headers (name, value, name, value, ...). */
    HttpResponse<String> post(String pathAndQuery, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(Endpoint e, JsonNode body) throws IOException, InterruptedException {
        return post(e, JSON.writeValueAsString(body));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static ObjectNode ollamaEmbed(String model, String... texts) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        var input = body.putArray("input");
        for (String t : texts) {
            input.add(t);
        }
        return body;
    }

    static ObjectNode ollamaChat(String model, byte[]... images) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", false);
        ObjectNode message = body.putArray("messages").addObject().put("role", "user").put("content", "Describe.");
        var array = message.putArray("images");
        for (byte[] image : images) {
            array.add(Base64.getEncoder().encodeToString(image));
        }
        return body;
    }

    static byte[] png(String extra) {
        byte[] tail = extra.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(PNG, PNG.length + tail.length);
        System.arraycopy(tail, 0, out, PNG.length, tail.length);
        return out;
    }

    static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).floatValue();
        }
        return v;
    }
}
