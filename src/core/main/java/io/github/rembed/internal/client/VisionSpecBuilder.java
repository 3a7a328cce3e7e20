package io.github.rembed.internal.client;

import io.github.rembed.RembedException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds a {@link VisionSpec}, the captioning side of a multimodal client, for the SQL option
 * forms ({@link MultimodalOptions}) and the Java builder ({@code ImageClient.builder}) alike.
 */
public final class VisionSpecBuilder {
    private static final String OPENAI_BASE = "https://api.openai.com/v1";

    private final Provider provider;
    private final String model;
    private List<String> urls;
    private String key;
    private String prompt = VisionSpec.DEFAULT_PROMPT;
    private Duration timeout = ClientSpec.DEFAULT_TIMEOUT;

    /** @throws RembedException when {@code provider} has no vision models here or {@code model} is empty */
    public VisionSpecBuilder(Provider provider, String model) {
        Objects.requireNonNull(provider, "provider");
        if (!sees(provider)) {
            throw new RembedException(provider == Provider.LOCAL ? "there is no in-process vision model"
                    : provider.id() + " has no vision model here; use ollama or openai");
        }
        if (model == null || model.isBlank()) {
            throw new RembedException("the vision model must not be empty");
        }
        this.provider = provider;
        this.model = model.trim();
    }

    /** The providers with vision models here. */
    static boolean sees(Provider p) {
        return p == Provider.OLLAMA || p == Provider.OPENAI;
    }

    /** The vision server, or several that serve the same model, comma-separated. */
    public VisionSpecBuilder url(String url) {
        return urls(Endpoints.list(Objects.requireNonNull(url, "url")));
    }

    /** Several vision servers that serve the same model; each request goes to one of them. */
    public VisionSpecBuilder urls(List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            throw new RembedException("must list at least one URL");
        }
        for (String u : urls) {
            if (u == null || u.isBlank()) {
                throw new RembedException("url must not be empty");
            }
        }
        this.urls = urls.stream().map(Endpoints::checked).toList();
        return this;
    }

    public VisionSpecBuilder key(String key) {
        this.key = key == null || key.isBlank() ? null : key.trim();
        return this;
    }

    public VisionSpecBuilder prompt(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new RembedException("vision_prompt must not be empty");
        }
        this.prompt = prompt.trim();
        return this;
    }

    public VisionSpecBuilder timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** The spec; an environment key only for the provider's own host, as for text clients: with several servers, all or none. */
    public VisionSpec build(Function<String, String> environment) {
        if (provider == Provider.OLLAMA) {
            List<String> bases = urls == null ? List.of(Endpoints.ollamaHost(environment.apply("OLLAMA_HOST")))
                    : urls.stream().map(Endpoints::ollamaBase).distinct().toList();
            return new VisionSpec(Provider.OLLAMA, model, bases.get(0), key, null, prompt, timeout, bases);
        }
        List<String> bases = urls == null ? List.of(OPENAI_BASE)
                : urls.stream().map(Endpoints::openAiBase).distinct().toList();
        Keys.Choice choice = Keys.choose(Provider.OPENAI, bases.get(0), key, environment);
        for (String base : bases) {
            if (!Keys.choose(Provider.OPENAI, base, key, environment).equals(choice)) {
                choice = Keys.Choice.NONE;
            }
        }
        return new VisionSpec(Provider.OPENAI, model, bases.get(0), choice.key(), choice.missing(), prompt, timeout,
                bases);
    }
}
