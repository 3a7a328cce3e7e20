package io.github.rembed.vision;

import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.github.rembed.RembedException;
import io.github.rembed.client.VisionSpec;
import java.util.Base64;

/** A LangChain4j chat model asked to describe an image: the prompt and the image in one user message. */
final class ChatImageDescriber implements ImageDescriber {
    private final VisionSpec spec;
    private final ChatModel model;

    ChatImageDescriber(VisionSpec spec, ChatModel model) {
        this.spec = spec;
        this.model = model;
    }

    @Override
    public String describe(byte[] image, ImageType type) {
        spec.requireKey();
        UserMessage message = UserMessage.from(TextContent.from(spec.prompt()),
                ImageContent.from(Base64.getEncoder().encodeToString(image), type.mimeType()));
        String text = model.chat(message).aiMessage().text();
        String caption = text == null ? "" : text.trim();
        if (caption.isEmpty()) {
            throw new RembedException(spec.describe() + ": the model returned an empty caption");
        }
        return caption;
    }

    @Override
    public VisionSpec spec() {
        return spec;
    }
}
