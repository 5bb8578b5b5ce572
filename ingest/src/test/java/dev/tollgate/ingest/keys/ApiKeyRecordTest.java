package dev.tollgate.ingest.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.keys.internal.KeyText;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.ApiKey;
import dev.tollgate.schemas.serde.SchemaHistory;
import java.time.Instant;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class ApiKeyRecordTest {

  @Test
  void shouldRoundTripThroughTheTopicsSerdeAndKeepItsSchemaInTheHistory() {
    // given
    ApiKey key = ApiKeyRingTest.record(KeyText.newKey(), "acme", Instant.parse("2026-11-02T00:00:00Z"));

    // when
    byte[] bytes = Topics.API_KEYS.valueSerde().serializer().serialize(Topics.API_KEYS.name(), key);
    ApiKey back = Topics.API_KEYS.valueSerde().deserializer().deserialize(Topics.API_KEYS.name(), bytes);

    // then
    assertThat(back).isEqualTo(key);
    assertThat(Topics.API_KEYS.compacted()).isTrue();
    assertThat(Topics.ALL).contains(Topics.API_KEYS);
    assertThat(SchemaHistory.versionsOf("ApiKey")).extracting(SchemaNormalization::parsingFingerprint64)
        .contains(SchemaNormalization.parsingFingerprint64(ApiKey.getClassSchema()));
  }
}
