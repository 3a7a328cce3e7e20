package io.github.rembed.vision;

import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
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
        return describe(image, type, new io.github.rembed.concurrency.TokenUsage());
    }

    @Override
    public String describe(byte[] image, ImageType type, io.github.rembed.concurrency.TokenUsage usage) {
        spec.requireKey();
        UserMessage message = UserMessage.from(TextContent.from(spec.prompt()),
                ImageContent.from(Base64.getEncoder().encodeToString(image), type.mimeType()));
        ChatResponse response = model.chat(message);
        TokenUsage tokens = response.tokenUsage();
        usage.add(tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount(),
                tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount());
        String text = response.aiMessage().text();
        String caption = text == null ? "" : text.trim();
        if (caption.isEmpty()) {
            throw new RembedException(spec.describe() + ": the model returned an empty caption");
        }
        return caption;
    }

    @Override
    public ImageDescriber at(String baseUrl) {
        return spec.baseUrls().size() == 1 && spec.baseUrl().equals(baseUrl) ? this
                : VisionModels.forSpec(spec.at(baseUrl));
    }

    @Override
    public VisionSpec spec() {
        return spec;
    }
}
