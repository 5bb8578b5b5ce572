package dev.tollgate.ingest.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCheckerTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private final BatchChecker checker = new BatchChecker(false);

  private static List<JsonNode> items(String array) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    Json.MAPPER.readTree(array).forEach(items::add);
    return items;
  }

  private static String event(String id, String extra) {
    return "{\"event_id\":\"" + id + "\",\"occurred_at\":\"2026-11-20T09:59:00Z\",\"user_id\":\"u1\",\"feature\":\"chat\","
        + "\"provider\":\"openai\",\"model\":\"gpt-4o\",\"input_tokens\":10,\"output_tokens\":2" + extra + "}";
  }

  @Test
  void shouldKeepValidItemsAndNameTheFieldAndReasonOfEachBadOne() throws Exception {
    // given
    List<JsonNode> items = items("[" + event("a", "") + ","
        + "{\"event_id\":\"b\",\"occurred_at\":\"2026-11-20T09:59:00Z\",\"user_id\":\"u1\",\"feature\":\"chat\","
        + "\"provider\":\"openai\",\"input_tokens\":10,\"output_tokens\":2},"
        + event("c", ",\"cached_input_tokens\":11") + ",42,"
        + "{\"event_id\":\"d\",\"occurred_at\":\"2026-11-20T09:59:00Z\",\"user_id\":\"u1\",\"feature\":\"chat\","
        + "\"gen_ai.system\":\"openai\",\"gen_ai.request.model\":\"gpt-4o\",\"gen_ai.usage.input_tokens\":-1,"
        + "\"gen_ai.usage.output_tokens\":1}]");

    // when
    CheckedBatch checked = checker.check(items, "acme", NOW);

    // then
    assertThat(checked.received()).isEqualTo(5);
    assertThat(checked.valid()).extracting(CheckedBatch.Valid::index).containsExactly(0);
    assertThat(checked.valid().get(0).event().getTenantId()).isEqualTo("acme");
    assertThat(checked.rejected()).containsExactly(
        new CheckedBatch.Rejection(1, "b", "model", "is required"),
        new CheckedBatch.Rejection(2, "c", "cached_input_tokens", "is larger than input_tokens (cached tokens are part of the input)"),
        new CheckedBatch.Rejection(3, null, "_record", "must be a JSON object, got a number"),
        new CheckedBatch.Rejection(4, "d", "gen_ai.usage.input_tokens", "must be an integer ≥ 0, got -1"));
    assertThat(checked.foreign()).isEmpty();
  }

  @Test
  void shouldRefuseTheWholeBatchWhenAnItemNamesAnotherTenant() throws Exception {
    // given
    List<JsonNode> items = items("[" + event("a", ",\"tenant_id\":\"acme\"") + "," + event("b", ",\"tenant_id\":\"globex\"") + ","
        + event("c", ",\"tollgate.tenant_id\":\"initech\"") + "]");

    // when
    CheckedBatch checked = checker.check(items, "acme", NOW);

    // then
    assertThat(checked.foreign()).containsExactly(new CheckedBatch.Foreign(1, "globex"), new CheckedBatch.Foreign(2, "initech"));
    assertThat(checked.valid()).isEmpty();
  }

  @Test
  void shouldRefuseAdjustmentsUnlessAllowed() throws Exception {
    // given
    String credit = "[{\"event_id\":\"adj-1\",\"occurred_at\":\"2026-11-20T09:59:00Z\",\"operation\":\"adjustment\","
        + "\"amount_usd\":\"-100\",\"reason\":\"goodwill\",\"reference\":\"T-1\"}]";

    // when
    CheckedBatch refused = checker.check(items(credit), "acme", NOW);
    CheckedBatch allowed = new BatchChecker(true).check(items(credit), "acme", NOW);

    // then
    assertThat(refused.rejected()).singleElement().satisfies(r -> assertThat(r.field()).isEqualTo("operation"));
    assertThat(allowed.valid()).hasSize(1);
  }
}
