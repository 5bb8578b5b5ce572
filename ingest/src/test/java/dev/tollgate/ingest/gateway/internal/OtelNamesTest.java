package dev.tollgate.ingest.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtelNamesTest {

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(text);
  }

  @Test
  void shouldMapTopLevelGenAiNamesToTheContract() throws Exception {
    // given
    ObjectNode event = json("""
        {"event_id":"e1","occurred_at":"2026-11-20T10:00:00Z","user_id":"u1","feature":"chat",
         "gen_ai.provider.name":"openai","gen_ai.request.model":"gpt-4o",
         "gen_ai.usage.input_tokens":1200,"gen_ai.usage.output_tokens":300,
         "gen_ai.usage.cache_read.input_tokens":1000,"gen_ai.operation.name":"chat","gen_ai.response.id":"chatcmpl-1"}
        """);

    // when
    Map<String, String> sources = OtelNames.normalize(event);

    // then
    assertThat(event.get("provider").textValue()).isEqualTo("openai");
    assertThat(event.get("model").textValue()).isEqualTo("gpt-4o");
    assertThat(event.get("input_tokens").longValue()).isEqualTo(1200);
    assertThat(event.get("output_tokens").longValue()).isEqualTo(300);
    assertThat(event.get("cached_input_tokens").longValue()).isEqualTo(1000);
    assertThat(event.get("operation").textValue()).isEqualTo("chat");
    assertThat(event.get("request_id").textValue()).isEqualTo("chatcmpl-1");
    assertThat(event.has("gen_ai.usage.input_tokens")).isFalse();
    assertThat(sources).containsEntry("input_tokens", "gen_ai.usage.input_tokens").containsEntry("model", "gen_ai.request.model");
  }

  @Test
  void shouldTakeNamesFromAttributesAndKeepOtherSpanAttributesAsText() throws Exception {
    // given a span's attributes sent as they are, with tollgate.* names for what OpenTelemetry has no name for
    ObjectNode event = json("""
        {"attributes":{"tollgate.event_id":"e2","tollgate.occurred_at":"2026-11-20T10:00:00Z","tollgate.feature":"search",
          "user.id":"u7","gen_ai.system":"anthropic","gen_ai.request.model":"claude-sonnet-4-5",
          "gen_ai.usage.input_tokens":50,"gen_ai.usage.output_tokens":5,"gen_ai.request.max_tokens":1024,
          "gen_ai.request.stream":true,"region":"eu"}}
        """);

    // when
    Map<String, String> sources = OtelNames.normalize(event);

    // then
    assertThat(event.get("event_id").textValue()).isEqualTo("e2");
    assertThat(event.get("feature").textValue()).isEqualTo("search");
    assertThat(event.get("user_id").textValue()).isEqualTo("u7");
    assertThat(event.get("provider").textValue()).isEqualTo("anthropic");
    assertThat(event.get("input_tokens").longValue()).isEqualTo(50);
    assertThat(sources).containsEntry("output_tokens", "attributes.gen_ai.usage.output_tokens");
    ObjectNode attributes = (ObjectNode) event.get("attributes");
    assertThat(attributes.get("gen_ai.request.max_tokens").textValue()).isEqualTo("1024");
    assertThat(attributes.get("gen_ai.request.stream").textValue()).isEqualTo("true");
    assertThat(attributes.get("region").textValue()).isEqualTo("eu");
    assertThat(attributes.has("gen_ai.usage.input_tokens")).isFalse();
  }

  @Test
  void shouldPreferTheContractNameThenTheRequestModel() throws Exception {
    // given
    ObjectNode event = json("""
        {"model":"gpt-4o-mini","gen_ai.request.model":"gpt-4o","gen_ai.response.model":"gpt-4o-2024-08-06",
         "provider":"openai","gen_ai.system":"az.ai.openai"}
        """);

    // when
    Map<String, String> sources = OtelNames.normalize(event);

    // then
    assertThat(event.get("model").textValue()).isEqualTo("gpt-4o-mini");
    assertThat(event.get("provider").textValue()).isEqualTo("openai");
    assertThat(event.has("gen_ai.request.model")).isFalse();
    assertThat(sources).doesNotContainKeys("model", "provider");
  }

  @Test
  void shouldNameProvidersAndResponseModelsAsThePriceCatalogDoes() throws Exception {
    // given
    ObjectNode gemini = json("{\"gen_ai.provider.name\":\"gcp.gemini\",\"gen_ai.response.model\":\"gemini-2.0-flash-001\"}");
    ObjectNode claudeOnVertex = json("{\"gen_ai.provider.name\":\"gcp.vertex_ai\",\"gen_ai.request.model\":\"claude-sonnet-4-5\"}");
    ObjectNode azure = json("{\"gen_ai.provider.name\":\"azure.ai.openai\",\"gen_ai.response.model\":\"gpt-4o-2024-08-06\"}");
    ObjectNode embeddings = json("{\"gen_ai.operation.name\":\"embeddings\",\"gen_ai.system\":\"cohere\"}");

    // when
    OtelNames.normalize(gemini);
    OtelNames.normalize(claudeOnVertex);
    OtelNames.normalize(azure);
    OtelNames.normalize(embeddings);

    // then
    assertThat(gemini.get("provider").textValue()).isEqualTo("google");
    assertThat(gemini.get("model").textValue()).isEqualTo("gemini-2.0-flash");
    assertThat(gemini.get("attributes").get("model_version").textValue()).isEqualTo("gemini-2.0-flash-001");
    assertThat(gemini.get("attributes").get("gen_ai.provider.name").textValue()).isEqualTo("gcp.gemini");
    assertThat(claudeOnVertex.get("provider").textValue()).isEqualTo("anthropic");
    assertThat(azure.get("provider").textValue()).isEqualTo("openai");
    assertThat(azure.get("model").textValue()).isEqualTo("gpt-4o");
    assertThat(embeddings.get("operation").textValue()).isEqualTo("embedding");
    assertThat(embeddings.get("provider").textValue()).isEqualTo("cohere");
  }

  @Test
  void shouldLeaveAPlainContractEventAsItIs() throws Exception {
    // given
    String text = "{\"event_id\":\"e3\",\"model\":\"gpt-4o\",\"attributes\":{\"region\":\"eu\"}}";
    ObjectNode event = json(text);

    // when
    Map<String, String> sources = OtelNames.normalize(event);

    // then
    assertThat(sources).isEmpty();
    assertThat(event).isEqualTo(json(text));
  }
}
