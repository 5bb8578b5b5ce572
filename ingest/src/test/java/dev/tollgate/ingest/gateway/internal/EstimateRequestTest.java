package dev.tollgate.ingest.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EstimateRequestTest {

  private static EstimateRequest read(String json) throws Exception {
    return EstimateRequest.read(Json.MAPPER.readTree(json));
  }

  @Test
  void shouldReadAPromptOrATokenCount() throws Exception {
    // when
    EstimateRequest prompt = read("{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"prompt\":\"Hello\",\"max_output_tokens\":100}");
    EstimateRequest tokens = read("{\"gen_ai.system\":\"gcp.gemini\",\"gen_ai.request.model\":\"gemini-2.0-flash\","
        + "\"input_tokens\":1500,\"gen_ai.request.max_tokens\":256}");

    // then
    assertThat(prompt).isEqualTo(new EstimateRequest("openai", "gpt-4o", "Hello", 0, 100));
    assertThat(tokens).isEqualTo(new EstimateRequest("google", "gemini-2.0-flash", null, 1500, 256));
  }

  @Test
  void shouldNameTheFieldThatIsMissingOrWrong() {
    // when / then
    assertThatThrownBy(() -> read("{\"model\":\"gpt-4o\",\"prompt\":\"x\",\"max_output_tokens\":1}"))
        .hasMessage("provider: is required");
    assertThatThrownBy(() -> read("{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"max_output_tokens\":1}"))
        .hasMessage("prompt: is required unless input_tokens is given");
    assertThatThrownBy(() -> read("{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"prompt\":\"x\",\"input_tokens\":3,\"max_output_tokens\":1}"))
        .hasMessageStartingWith("input_tokens: give either");
    assertThatThrownBy(() -> read("{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"input_tokens\":-3,\"max_output_tokens\":1}"))
        .hasMessageStartingWith("input_tokens: must be an integer");
    assertThatThrownBy(() -> read("{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"prompt\":\"x\"}"))
        .hasMessageStartingWith("max_output_tokens: is required");
    assertThatThrownBy(() -> read("[1]")).hasMessage("_record: must be a JSON object");
  }
}
