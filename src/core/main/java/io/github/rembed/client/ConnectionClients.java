package io.github.rembed.client;

/**
 * The client names one connection knows, kept in step with its client tables by triggers.
 * Names are per connection, as in sqlite-rembed; what they point at (HTTP pools, limits,
 * caches) is shared process-wide.
 */
public final class ConnectionClients {
    public final NamedClients<ClientSpec> text = new NamedClients<>("client", "temp.rembed_clients");
    public final NamedClients<MultimodalSpec> multimodal =
            new NamedClients<>("multimodal client", "temp.rembed_multimodal_clients");
}
