package io.github.rembed.internal.client;

import io.github.rembed.RembedException;

/**
 * The provider and model of a client, from {@code format} and a {@code model} that may itself
 * be {@code provider::model} (as the fork writes it, with or without {@code format}).
 *
 * @param name the model, or null when the options name none (the row's name is used then)
 */
record ModelName(Provider provider, String name) {

    static ModelName of(String format, String model) {
        String prefix = null;
        String name = model;
        if (model != null && model.contains("::")) {
            int sep = model.indexOf("::");
            prefix = model.substring(0, sep).trim();
            name = model.substring(sep + 2).trim();
            if (name.isEmpty()) {
                throw new RembedException("model missing after '::'");
            }
        }
        if (format == null && prefix == null) {
            throw new RembedException("missing option 'format': name a provider (" + Provider.ids()
                    + ") or give the model as 'provider::model'");
        }
        Provider provider = Provider.parse(format != null ? format : prefix, name);
        if (format != null && prefix != null && Provider.parse(prefix, name) != provider) {
            throw new RembedException("format '" + format.trim() + "' and model '" + prefix
                    + "::...' name different providers");
        }
        return new ModelName(provider, name);
    }
}
