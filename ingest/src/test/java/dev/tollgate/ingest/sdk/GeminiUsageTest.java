package dev.tollgate.ingest.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiUsageTest {

  @Test
  void shouldAddThoughtsToOutputAndKeepCachedContentInsideInput() {
    // given
    ProviderResponse response = ProviderResponse.of(Provider.GOOGLE, ProviderBodies.read("google/generate-content.json"));

    // when
    Usage usage = response.usage();

    // then input + output add up to totalTokenCount (2300)
    assertThat(usage).isEqualTo(new Usage("google", "gemini-2.5-flash", 1337, 1024, 120 + 843, false,
        "mAitaLmkHPPlz7IPvtfUqQ4", Map.of("reasoning_tokens", "843")));
    assertThat(usage.inputTokens() + usage.outputTokens()).isEqualTo(2300);
  }

  @Test
  void shouldCountToolUsePromptTokensAsInput() {
    // given
    ProviderResponse response = ProviderResponse.of(Provider.GOOGLE, ProviderBodies.read("google/function-call.json"));

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage.inputTokens()).isEqualTo(110 + 36);
    assertThat(usage.outputTokens()).isEqualTo(37);
    assertThat(usage.inputTokens() + usage.outputTokens()).isEqualTo(183);
    assertThat(usage.details()).containsExactly(Map.entry("tool_use_prompt_tokens", "36"));
    assertThat(usage.model()).isEqualTo("gemini-2.5-flash-lite");
  }

  @Test
  void shouldTakeTheLastChunksUsageMetadataFromAnSseStream() {
    // given
    ProviderResponse response = ProviderResponse.ofSse(Provider.GOOGLE, ProviderBodies.read("google/stream.sse"));

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage).isEqualTo(new Usage("google", "gemini-2.0-flash", 9, 0, 19, false, "5dqsaNaOEZ6az7IPvK-JuAg", Map.of()));
  }

  @Test
  void shouldReadTheJsonArrayOfAStreamWithoutSse() {
    // given the same stream as streamGenerateContent returns it without alt=sse
    ProviderResponse response = ProviderResponse.of(Provider.GOOGLE, ProviderBodies.read("google/stream-array.json"));

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage).isEqualTo(ProviderResponse.ofSse(Provider.GOOGLE, ProviderBodies.read("google/stream.sse")).usage());
  }
}
