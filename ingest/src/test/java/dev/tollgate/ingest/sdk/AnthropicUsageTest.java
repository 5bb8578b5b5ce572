package dev.tollgate.ingest.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicUsageTest {

  @Test
  void shouldCountCacheWritesAndReadsAsInputAndOnlyReadsAsCached() {
    // given 14 uncached input tokens, 2048 written to the cache and 8192 read from it
    ProviderResponse response = ProviderResponse.of(Provider.ANTHROPIC, ProviderBodies.read("anthropic/message.json"));

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage).isEqualTo(new Usage("anthropic", "claude-sonnet-4-5", 14 + 2048 + 8192, 8192, 393, false,
        "msg_01XFDUDYJgAACzvnptvVoYEL",
        Map.of("cache_creation_input_tokens", "2048", "model_version", "claude-sonnet-4-5-20250929")));
  }

  @Test
  void shouldCombineMessageStartAndTheCumulativeMessageDeltaOfAStream() {
    // given a stream whose message_start reports 1 output token and whose message_delta reports 15
    ProviderResponse response = ProviderResponse.ofSse(Provider.ANTHROPIC,
        ProviderBodies.read("anthropic/message-stream.sse"));

    // when
    Usage usage = response.usage();

    // then one-hour cache writes are kept apart, as Anthropic bills them higher
    assertThat(usage).isEqualTo(new Usage("anthropic", "claude-haiku-4-5", 25 + 1200, 0, 15, false,
        "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", Map.of("cache_creation_input_tokens", "1200",
            "cache_creation_1h_input_tokens", "1200", "model_version", "claude-haiku-4-5-20251001")));
  }

  @Test
  void shouldTakeTheOutputOfTheLastMessageDeltaOfAToolUseStream() {
    // given
    ProviderResponse response = ProviderResponse.ofSse(Provider.ANTHROPIC,
        ProviderBodies.read("anthropic/message-stream-tool-use.sse"));

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage.inputTokens()).isEqualTo(472);
    assertThat(usage.outputTokens()).isEqualTo(89);
    assertThat(usage.estimated()).isFalse();
  }

  @Test
  void shouldLetAMessageDeltaWithInputCountsReplaceThoseOfMessageStart() {
    // given a newer API version, whose message_delta repeats every count cumulatively, some as null
    List<String> chunks = List.of(
        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"content\":[],\"model\":\"claude-opus-4-1-20250805\",\"usage\":{\"input_tokens\":10,"
            + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1}}}",
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
            + "\"usage\":{\"input_tokens\":12,\"cache_creation_input_tokens\":null,\"cache_read_input_tokens\":300,"
            + "\"output_tokens\":40}}");

    // when
    Usage usage = ProviderResponse.ofChunks(Provider.ANTHROPIC, chunks).usage();

    // then
    assertThat(usage.inputTokens()).isEqualTo(312);
    assertThat(usage.cachedInputTokens()).isEqualTo(300);
    assertThat(usage.outputTokens()).isEqualTo(40);
  }

  @Test
  void shouldEstimateAStreamCutBeforeAnyUsageWithCl100kAsAnApproximation() {
    // given only text deltas arrived: "hello world" is 2 tokens in cl100k_base
    List<String> chunks = List.of(
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hello\"}}",
        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" world\"}}");

    // when
    Usage usage = ProviderResponse.ofChunks(Provider.ANTHROPIC, chunks).withModel("claude-sonnet-4-5")
        .withPrompt("antidisestablishmentarianism").usage();

    // then
    assertThat(usage).isEqualTo(new Usage("anthropic", "claude-sonnet-4-5", 6, 0, 2, true, null,
        Map.of("estimated_with", "jtokkit cl100k_base")));
  }

  @Test
  void shouldRefuseAnErrorEvent() {
    // given
    ProviderResponse response = ProviderResponse.of(Provider.ANTHROPIC, ProviderBodies.read("anthropic/error.json"));

    // when / then
    assertThatThrownBy(response::usage)
        .hasMessage("error: the provider answered with an error, not a response: Overloaded");
  }
}
