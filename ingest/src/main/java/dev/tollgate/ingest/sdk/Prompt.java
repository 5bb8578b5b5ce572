package dev.tollgate.ingest.sdk;

import java.util.Arrays;
import java.util.List;

/**
 * What was sent to the model, for counting its tokens when the provider reports no usage: plain
 * text, or chat messages. For OpenAI models, messages are counted as OpenAI documents it for chat
 * completions (3 tokens per message, 1 per name, 3 to prime the reply), which matches the
 * {@code prompt_tokens} the API reports for text-only messages.
 */
public record Prompt(String text, List<Message> messages) {

  /** One chat message; {@code name} may be null. */
  public record Message(String role, String name, String content) {
    public static Message of(String role, String content) {
      return new Message(role, null, content);
    }
  }

  public static final Prompt NONE = new Prompt(null, List.of());

  public Prompt {
    messages = messages == null ? List.of() : messages.stream().filter(m -> m != null).toList();
  }

  public static Prompt text(String text) {
    return new Prompt(text, List.of());
  }

  public static Prompt messages(List<Message> messages) {
    return new Prompt(null, messages);
  }

  public static Prompt messages(Message... messages) {
    return messages(Arrays.asList(messages));
  }
}
