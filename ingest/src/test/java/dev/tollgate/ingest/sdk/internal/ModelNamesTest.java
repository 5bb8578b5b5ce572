package dev.tollgate.ingest.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.sdk.Provider;
import org.junit.jupiter.api.Test;

class ModelNamesTest {

  @Test
  void shouldDropTheSnapshotSuffixEachProviderUses() {
    // given / when / then
    assertThat(ModelNames.catalogName(Provider.OPENAI, "gpt-4o-2024-08-06")).isEqualTo("gpt-4o");
    assertThat(ModelNames.catalogName(Provider.OPENAI, "gpt-4.1-mini-2025-04-14")).isEqualTo("gpt-4.1-mini");
    assertThat(ModelNames.catalogName(Provider.OPENAI, "o4-mini-2025-04-16")).isEqualTo("o4-mini");
    assertThat(ModelNames.catalogName(Provider.OPENAI, "gpt-4-0613")).isEqualTo("gpt-4");
    assertThat(ModelNames.catalogName(Provider.ANTHROPIC, "claude-3-5-haiku-20241022")).isEqualTo("claude-3-5-haiku");
    assertThat(ModelNames.catalogName(Provider.GOOGLE, "gemini-2.0-flash-001")).isEqualTo("gemini-2.0-flash");
  }

  @Test
  void shouldKeepNamesWithoutASnapshotSuffix() {
    // given / when / then
    assertThat(ModelNames.catalogName(Provider.OPENAI, "gpt-5")).isEqualTo("gpt-5");
    assertThat(ModelNames.catalogName(Provider.OPENAI, "gpt-4o-mini")).isEqualTo("gpt-4o-mini");
    assertThat(ModelNames.catalogName(Provider.ANTHROPIC, "claude-sonnet-4-5")).isEqualTo("claude-sonnet-4-5");
    assertThat(ModelNames.catalogName(Provider.GOOGLE, "gemini-2.5-flash-preview-05-20")).isEqualTo("gemini-2.5-flash-preview-05-20");
    assertThat(ModelNames.catalogName(Provider.GOOGLE, null)).isNull();
  }
}
