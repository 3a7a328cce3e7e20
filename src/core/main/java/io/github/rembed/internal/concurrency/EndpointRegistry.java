package io.github.rembed.internal.concurrency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The model servers one runtime sends to, each with its limit and health, shared by every
 * endpoint set made here with the same stage, URL and limit: the limit holds for the server
 * across all connections and calls of the runtime.
 *
 * <p>A server is kept while some endpoint set still uses it (a client cached by the runtime,
 * a call in progress) or while it is among the {@code keepRecent} that Caffeine's size bound
 * keeps (recently and often used), so that what a limit has learned survives from one call to
 * the next; otherwise it is forgotten with its health. The
 * registry is bounded by what the runtime uses, not by every URL it has ever seen.
 */
public final class EndpointRegistry {
    private record Key(String stage, String baseUrl, LimitSpec limit) {
    }

    /** Every endpoint some set still holds; the garbage collector drops the others. */
    private final Cache<Key, Endpoint> endpoints = Caffeine.newBuilder().weakValues().build();
    /** Recently asked for, held strongly between calls; bounded in size. */
    private final Cache<Key, Endpoint> recent;

    /** @param keepRecent how many endpoints no set holds are kept all the same */
    public EndpointRegistry(int keepRecent) {
        this.recent = Caffeine.newBuilder().maximumSize(keepRecent).build();
    }

    /**
     * The endpoints for {@code baseUrls}; a URL listed twice counts once.
     *
     * @param stage what the endpoints serve, for example {@code "openai embedding"}; part of
     *              the sharing key and of error messages
     */
    public EndpointSet set(String stage, List<String> baseUrls, LimitSpec limit) {
        List<Endpoint> list = new ArrayList<>();
        for (String url : new LinkedHashSet<>(baseUrls)) {
            Key key = new Key(stage, url, limit);
            Endpoint endpoint = endpoints.get(key, k -> EndpointSet.endpoint(url, limit));
            recent.put(key, endpoint);
            list.add(endpoint);
        }
        return new EndpointSet(stage, list);
    }

    /** Every endpoint in use, by stage then URL, for {@code rembed_debug()}. */
    public List<String> describe() {
        return endpoints.asMap().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Key, Endpoint> e) -> e.getKey().stage())
                        .thenComparing(e -> e.getKey().baseUrl()).thenComparing(e -> e.getKey().limit().toString()))
                .map(e -> e.getKey().stage() + " " + e.getValue().status().describe())
                .toList();
    }
}
