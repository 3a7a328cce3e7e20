package io.github.rembed.internal.http;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One JDK HTTP client (one connection pool) and the threads that send through it, handed to
 * the wire formats as LangChain4j {@link HttpClientBuilder}s. A runtime owns one; closing it
 * stops its threads, and a request made afterwards fails saying so.
 *
 * <p>The threads are deliberately platform threads: a SQL function called from a virtual
 * thread pins its carrier while it waits inside native code, so reply handling that needed a
 * virtual thread could starve and deadlock.
 */
public final class ProviderHttp implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorService replies = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("rembed-http-", 0).factory());
    /** Runs each blocking send, so that the caller waits on a future it can abandon (see ProviderHttpClient). */
    private final ExecutorService senders = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("rembed-http-send-", 0).factory());
    /** Made at first use: building it sets up TLS, which a runtime that only runs the local model never needs. */
    private volatile java.net.http.HttpClient http;
    private volatile boolean closed;

    /** Builds the JDK client now rather than at the first request. */
    public void prepare() {
        http();
    }

    /** The JDK client; null once closed. */
    java.net.http.HttpClient http() {
        java.net.http.HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null && !closed) {
                    http = java.net.http.HttpClient.newBuilder()
                            .version(java.net.http.HttpClient.Version.HTTP_1_1)
                            .connectTimeout(CONNECT_TIMEOUT)
                            .executor(replies)
                            .build();
                }
                client = http;
            }
        }
        return closed ? null : client;
    }

    public boolean isClosed() {
        return closed;
    }

    /** A builder for LangChain4j; {@code readTimeout} becomes the per-request timeout. */
    public HttpClientBuilder builder() {
        return new Builder();
    }

    /** A client whose exchanges last at most {@code timeout} and whose replies are read up to {@code maxReplyBytes}. */
    ProviderHttpClient client(Duration timeout, long maxReplyBytes) {
        return new ProviderHttpClient(this, senders, timeout, maxReplyBytes);
    }

    /** Abandons the exchanges in flight and stops the threads; later requests fail. */
    @Override
    public void close() {
        java.net.http.HttpClient client;
        synchronized (this) {
            closed = true;
            client = http;
        }
        senders.shutdownNow();
        if (client != null) {
            client.shutdownNow();
        }
        replies.shutdownNow();
    }

    private final class Builder implements HttpClientBuilder {
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
            return client(readTimeout, ReplyLimits.maxReplyBytes());
        }
    }
}
