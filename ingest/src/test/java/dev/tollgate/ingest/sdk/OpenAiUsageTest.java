package dev.tollgate.ingest.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.ingest.sdk.Prompt.Message;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiUsageTest {

  @Test
  void shouldReadChatCompletionUsageWithCachedPromptTokens() {
    // given
    ProviderResponse response = ProviderResponse.of(Provider.OPENAI, ProviderBodies.read("openai/chat-completion.json"));

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage).isEqualTo(new Usage("openai", "gpt-4o", 2006, 1920, 300, false,
        "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", Map.of("model_version", "gpt-4o-2024-08-06")));
  }

  @Test
  void shouldKeepReasoningTokensInsideOutputAndNoteThem() {
    // given
    ProviderResponse response = ProviderResponse.of(Provider.OPENAI,
        ProviderBodies.read("openai/chat-completion-reasoning.json"));

    // when
    Usage usage = response.usage();

    // then completion_tokens already holds the 1024 reasoning tokens
    assertThat(usage.inputTokens()).isEqualTo(75);
    assertThat(usage.outputTokens()).isEqualTo(1186);
    assertThat(usage.details()).containsEntry("reasoning_tokens", "1024");
  }

  @Test
  void shouldTakeUsageFromTheFinalChunkOfAStream() {
    // given a stream requested with stream_options.include_usage
    ProviderResponse response = ProviderResponse.ofSse(Provider.OPENAI,
        ProviderBodies.read("openai/chat-completion-stream.sse"));

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage).isEqualTo(new Usage("openai", "gpt-4o-mini", 19, 0, 10, false,
        "chatcmpl-BPmKhGDNvWRBprxPMlbPrjG4rJiD3", Map.of("model_version", "gpt-4o-mini-2024-07-18")));
  }

  @Test
  void shouldEstimateAStreamWithoutUsageFromItsDeltasAndThePrompt() {
    // given a stream without include_usage, whose deltas spell "tiktoken is great!" (6 tokens in o200k_base),
    // and the messages of OpenAI's cookbook, for which the API reports 124 prompt tokens on gpt-4o
    ProviderResponse response = ProviderResponse.ofSse(Provider.OPENAI,
            ProviderBodies.read("openai/chat-completion-stream-without-usage.sse"))
        .withPrompt(Prompt.messages(CookbookMessages.MESSAGES));

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage.estimated()).isTrue();
    assertThat(usage.inputTokens()).isEqualTo(124);
    assertThat(usage.outputTokens()).isEqualTo(6);
    assertThat(usage.cachedInputTokens()).isZero();
    assertThat(usage.details()).containsEntry("estimated_with", "jtokkit o200k_base");
  }

  @Test
  void shouldReadResponsesApiUsageWithCachedAndReasoningTokens() {
    // given
    ProviderResponse response = ProviderResponse.of(Provider.OPENAI, ProviderBodies.read("openai/responses.json"));

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage).isEqualTo(new Usage("openai", "o3", 1524, 1280, 613, false,
        "resp_6820f382ee1c8191bc096bee70894d040ac5ba57aafcbac7",
        Map.of("reasoning_tokens", "448", "model_version", "o3-2025-04-16")));
  }

  @Test
  void shouldReadResponsesApiStreamFromItsCompletedEvent() {
    // given
    ProviderResponse response = ProviderResponse.ofSse(Provider.OPENAI, ProviderBodies.read("openai/responses-stream.sse"));

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage).isEqualTo(new Usage("openai", "gpt-4.1", 37, 0, 11, false,
        "resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654", Map.of("model_version", "gpt-4.1-2025-04-14")));
  }

  @Test
  void shouldRecordTheModelGivenInsteadOfTheOneReported() {
    // given a snapshot priced apart from its model's current price
    ProviderResponse response = ProviderResponse.of(Provider.OPENAI, ProviderBodies.read("openai/chat-completion.json"))
        .withModel("gpt-4o-2024-08-06");

    // when
    Usage usage = response.usage();

    // then
    assertThat(usage.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(usage.details()).isEmpty();
  }

  @Test
  void shouldRefuseAnErrorBodyAndAMalformedCountNamingTheField() {
    // given
    ProviderResponse error = ProviderResponse.of(Provider.OPENAI, ProviderBodies.read("openai/error.json"));
    ProviderResponse negative = ProviderResponse.of(Provider.OPENAI,
        "{\"model\":\"gpt-4o\",\"usage\":{\"prompt_tokens\":-3,\"completion_tokens\":1}}");
    ProviderResponse fractional = ProviderResponse.of(Provider.OPENAI,
        "{\"model\":\"gpt-4o\",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":1.5}}}");
    ProviderResponse missing = ProviderResponse.of(Provider.OPENAI, "{\"model\":\"gpt-4o\",\"usage\":{\"prompt_tokens\":3}}");
    ProviderResponse notJson = ProviderResponse.ofChunks(Provider.OPENAI, List.of("{\"model\":\"gpt-4o\"}", "{oops"));

    // when / then
    assertThatThrownBy(error::usage).hasMessageStartingWith(
        "error: the provider answered with an error, not a response: Rate limit reached for gpt-4o");
    assertThatThrownBy(negative::usage).hasMessage("usage.prompt_tokens: must be an integer ≥ 0, got -3");
    assertThatThrownBy(fractional::usage)
        .hasMessage("usage.prompt_tokens_details.cached_tokens: must be an integer ≥ 0, got 1.5");
    assertThatThrownBy(missing::usage).hasMessage("usage.completion_tokens: is required when usage is present");
    assertThatThrownBy(notJson::usage).isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith("response[1]: is not valid JSON: ");
  }

  /** The conversation of OpenAI's "How to count tokens with tiktoken" cookbook. */
  static final class CookbookMessages {
    static final List<Message> MESSAGES = List.of(
        Message.of("system", "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."),
        new Message("system", "example_user", "New synergies will help drive top-line growth."),
        new Message("system", "example_assistant", "Things working well together will increase revenue."),
        new Message("system", "example_user",
            "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage."),
        new Message("system", "example_assistant", "Let's talk later when we're less busy about how to do better."),
        Message.of("user", "This late pivot means we don't have time to boil the ocean for the client deliverable."));

    private CookbookMessages() {}
  }
}
