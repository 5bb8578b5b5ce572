package dev.tollgate.workload.history;

import java.util.List;

/**
 * A product feature that calls models, with the models it uses and how often each, as in the demo
 * workload: chat with prompt caching, overnight batch summaries, embeddings, per-minute transcription
 * and a local model.
 */
record Feature(int index, String name, String operation, List<Model> models, boolean batch, int baseWeight) {
  record Model(String provider, String model, int weight) {}

  static final List<Feature> ALL = List.of(
      new Feature(0, "chat-assistant", "chat", List.of(
          new Model("openai", "gpt-4o", 35), new Model("openai", "gpt-4o-mini", 35),
          new Model("anthropic", "claude-sonnet-4", 20), new Model("google", "gemini-2.5-flash", 10)), false, 30),
      new Feature(1, "support-bot", "chat", List.of(
          new Model("anthropic", "claude-3-5-haiku", 60), new Model("openai", "gpt-4.1-mini", 40)), false, 25),
      new Feature(2, "code-review", "chat", List.of(
          new Model("anthropic", "claude-opus-4-1", 30), new Model("openai", "o3", 70)), false, 8),
      new Feature(3, "nightly-summaries", "chat", List.of(
          new Model("openai", "gpt-4.1", 60), new Model("anthropic", "claude-sonnet-4", 40)), true, 6),
      new Feature(4, "semantic-search", "embedding", List.of(
          new Model("openai", "text-embedding-3-small", 1)), false, 20),
      new Feature(5, "meeting-notes", "transcription", List.of(
          new Model("openai", "whisper-1", 1)), false, 3),
      new Feature(6, "local-drafts", "chat", List.of(
          new Model("local", "llama-3.1-8b-instruct", 1)), false, 8));

  boolean isChat() {
    return "chat".equals(operation);
  }
}
