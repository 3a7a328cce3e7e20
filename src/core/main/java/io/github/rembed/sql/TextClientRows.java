package io.github.rembed.sql;

import io.github.rembed.client.ClientOptions;
import io.github.rembed.client.ClientSpec;
import io.github.rembed.client.ConnectionClients;
import io.github.rembed.client.MultimodalOptions;
import io.github.rembed.client.MultimodalSpec;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rows of {@code temp.rembed_clients}: text clients, and multimodal clients written the way the
 * multimodal fork registers them there (options naming a {@code vision_model} or an
 * {@code embedding_model}), which then serve {@code rembed_image} and friends. A row is parsed
 * before anything changes, so a bad row leaves every client as it was.
 */
final class TextClientRows implements ClientRows {
    private final ConnectionClients clients;
    private final Supplier<ClientOptions> textOptions;
    private final Supplier<MultimodalOptions> multimodalOptions;
    /** Names whose multimodal client came from this table, so that removing the row removes it. */
    private final Set<String> multimodalNames = ConcurrentHashMap.newKeySet();

    TextClientRows(ConnectionClients clients, Supplier<ClientOptions> textOptions,
                   Supplier<MultimodalOptions> multimodalOptions) {
        this.clients = clients;
        this.textOptions = textOptions;
        this.multimodalOptions = multimodalOptions;
    }

    @Override
    public void put(String name, String options) {
        if (ClientOptions.isMultimodal(options)) {
            MultimodalSpec spec = multimodalOptions.get().parse(name, options);
            clients.text.remove(name);
            clients.multimodal.put(name, spec);
            multimodalNames.add(name);
        } else {
            ClientSpec spec = textOptions.get().parse(name, options);
            if (multimodalNames.remove(name)) {
                clients.multimodal.remove(name);
            }
            clients.text.put(name, spec);
        }
    }

    @Override
    public void remove(String name) {
        if (multimodalNames.remove(name)) {
            clients.multimodal.remove(name);
        } else {
            clients.text.remove(name);
        }
    }
}
