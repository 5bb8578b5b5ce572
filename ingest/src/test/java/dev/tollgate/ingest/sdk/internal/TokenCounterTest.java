package dev.tollgate.ingest.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.api.EncodingType;
import dev.tollgate.ingest.sdk.Prompt;
import dev.tollgate.ingest.sdk.Prompt.Message;
import dev.tollgate.ingest.sdk.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counts checked against figures OpenAI publishes: the token lists of its cookbook "How to count
 * tokens with tiktoken" (each string's tokens in cl100k_base and o200k_base), and the prompt tokens
 * the API reported there for the cookbook's conversation (129 on gpt-4, 124 on gpt-4o).
 */
class TokenCounterTest {
  private static final String CL100K_MODEL = "gpt-4";
  private static final String O200K_MODEL = "gpt-4o";

  @Test
  void shouldChooseO200kForNewerOpenAiModelsAndCl100kOtherwise() {
    // given / when / then
    assertThat(TokenCounter.encodingFor("gpt-4o-2024-08-06")).isEqualTo(EncodingType.O200K_BASE);
    assertThat(TokenCounter.encodingFor("gpt-4.1-mini")).isEqualTo(EncodingType.O200K_BASE);
    assertThat(TokenCounter.encodingFor("gpt-5")).isEqualTo(EncodingType.O200K_BASE);
    assertThat(TokenCounter.encodingFor("o3-mini")).isEqualTo(EncodingType.O200K_BASE);
    assertThat(TokenCounter.encodingFor("gpt-4-turbo")).isEqualTo(EncodingType.CL100K_BASE);
    assertThat(TokenCounter.encodingFor("gpt-3.5-turbo")).isEqualTo(EncodingType.CL100K_BASE);
    assertThat(TokenCounter.encodingFor("claude-sonnet-4-5")).isEqualTo(EncodingType.CL100K_BASE);
    assertThat(TokenCounter.encodingFor(null)).isEqualTo(EncodingType.CL100K_BASE);
  }

  @Test
  void shouldCountCl100kTokensAsPublished() {
    // given / when / then ("hello world" = [15339, 1917])
    assertThat(TokenCounter.count(CL100K_MODEL, "hello world")).isEqualTo(2);
    // [83, 1609, 5963, 374, 2294, 0]: t, ik, token, " is", " great", !
    assertThat(TokenCounter.count(CL100K_MODEL, "tiktoken is great!")).isEqualTo(6);
    // ant, idis, establish, ment, arian, ism
    assertThat(TokenCounter.count(CL100K_MODEL, "antidisestablishmentarianism")).isEqualTo(6);
    // 2, " +", " ", 2, " =", " ", 4
    assertThat(TokenCounter.count(CL100K_MODEL, "2 + 2 = 4")).isEqualTo(7);
    assertThat(TokenCounter.count(CL100K_MODEL, "お誕生日おめでとう")).isEqualTo(9);
  }

  @Test
  void shouldCountO200kTokensAsPublished() {
    // given / when / then: t, ikt, oken, " is", " great", !
    assertThat(TokenCounter.count(O200K_MODEL, "tiktoken is great!")).isEqualTo(6);
    // ant, idis, est, ablishment, arian, ism
    assertThat(TokenCounter.count(O200K_MODEL, "antidisestablishmentarianism")).isEqualTo(6);
    assertThat(TokenCounter.count(O200K_MODEL, "2 + 2 = 4")).isEqualTo(7);
    // 誕生日 is split differently: 生日 is one token in o200k_base, so 8 instead of 9
    assertThat(TokenCounter.count(O200K_MODEL, "お誕生日おめでとう")).isEqualTo(8);
  }

  @Test
  void shouldCountSpecialTokenTextAsOrdinaryTextAndNothingAsZero() {
    // given / when / then: "<|endoftext|>" is several ordinary tokens, not the one special token
    assertThat(TokenCounter.count(CL100K_MODEL, "<|endoftext|>")).isGreaterThan(1);
    assertThat(TokenCounter.count(CL100K_MODEL, "")).isZero();
    assertThat(TokenCounter.count(CL100K_MODEL, null)).isZero();
  }

  @Test
  void shouldCountChatMessagesAsTheOpenAiApiReportsThem() {
    // given the cookbook's conversation
    Prompt prompt = Prompt.messages(List.of(
        Message.of("system", "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."),
        new Message("system", "example_user", "New synergies will help drive top-line growth."),
        new Message("system", "example_assistant", "Things working well together will increase revenue."),
        new Message("system", "example_user",
            "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage."),
        new Message("system", "example_assistant", "Let's talk later when we're less busy about how to do better."),
        Message.of("user", "This late pivot means we don't have time to boil the ocean for the client deliverable.")));

    // when
    long onGpt4 = TokenCounter.count(Provider.OPENAI, "gpt-4-0613", prompt);
    long onGpt4o = TokenCounter.count(Provider.OPENAI, "gpt-4o-2024-08-06", prompt);

    // then
    assertThat(onGpt4).isEqualTo(129);
    assertThat(onGpt4o).isEqualTo(124);
  }

  @Test
  void shouldCountOnlyTheContentOfMessagesForOtherProviders() {
    // given
    Prompt prompt = Prompt.messages(Message.of("user", "hello world"), Message.of("assistant", "2 + 2 = 4"));

    // when
    long tokens = TokenCounter.count(Provider.ANTHROPIC, "claude-haiku-4-5", prompt);

    // then
    assertThat(tokens).isEqualTo(2 + 7);
  }
}
