package io.github.rembed.internal.client;

import io.github.rembed.RembedException;
import java.util.function.Function;

/**
 * Which key a client sends. A key given in the options is always used. A key from the
 * environment goes only to the provider's own origin (scheme, host and port of its default
 * endpoint; for Azure, of {@code AZURE_OPENAI_ENDPOINT}), so pointing a client at any other
 * server, a test server included, can never leak it.
 */
final class Keys {
    /**
     * @param key     the key to send, or null
     * @param missing the variables that were empty although the client talks to its provider's
     *                own host, for the error at first use; null when nothing is missing
     */
    record Choice(String key, String missing) {
        static final Choice NONE = new Choice(null, null);
    }

    private Keys() {
    }

    /** The error at first use of a client whose key variables were empty. */
    static void require(Provider provider, String missing) {
        if (missing != null) {
            throw new RembedException("no API key for " + provider.id() + ": set " + missing
                    + " or pass 'key' in the client's options");
        }
    }

    static Choice choose(Provider provider, String url, String explicit, Function<String, String> environment) {
        if (explicit != null && !explicit.isBlank()) {
            return new Choice(explicit.trim(), null);
        }
        if (provider.keyVariables().isEmpty()) {
            return Choice.NONE;
        }
        String home = home(provider, environment);
        if (home == null || !Endpoints.sameOrigin(url, home)) {
            return Choice.NONE;
        }
        for (String variable : provider.keyVariables()) {
            String value = environment.apply(variable);
            if (value != null && !value.isBlank()) {
                return new Choice(value.trim(), null);
            }
        }
        return new Choice(null, String.join(" or ", provider.keyVariables()));
    }

    /** The provider's own endpoint, whose origin may receive the environment's key; null when there is none. */
    private static String home(Provider provider, Function<String, String> environment) {
        if (provider == Provider.AZURE) {
            String endpoint = environment.apply("AZURE_OPENAI_ENDPOINT");
            return endpoint == null || endpoint.isBlank() ? null : Endpoints.checked(endpoint);
        }
        return provider.defaultUrl() == null ? null : provider.defaultUrl().replace("{model}", "model");
    }
}
