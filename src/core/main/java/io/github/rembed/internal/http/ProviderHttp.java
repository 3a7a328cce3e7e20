package io.github.rembed.internal.http;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Hands LangChain4j models an {@link HttpClientBuilder} whose clients all share one JDK
 * HTTP client (one connection pool per process).
 *
 * <p>The client's executor is deliberately made of platform threads: a SQL function called
 * from a virtual thread pins its carrier while it waits inside native code, so reply handling
 * that needed a virtual thread could starve and deadlock.
 */
public final class ProviderHttp {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final java.net.http.HttpClient SHARED = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .executor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("rembed-http-", 0).factory()))
            .build();

    private ProviderHttp() {
    }

    /** A builder for LangChain4j; {@code readTimeout} becomes the per-request timeout. */
    public static HttpClientBuilder builder() {
        return new Builder();
    }

    private static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout = CONNECT_TIMEOUT;
        private Duration readTimeout = Duration.ofSeconds(30);

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new ProviderHttpClient(SHARED, readTimeout);
        }
    }
}
