package dev.tollgate.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {

  @Test
  void shouldPlaceEveryObjectInTheGivenDatabase() {
    // when
    List<String> statements = Schema.statements("tollgate_it_1");

    // then
    assertThat(statements).hasSize(Schema.FILES.size());
    assertThat(statements).noneMatch(s -> s.contains("${database}"));
    assertThat(statements.get(0)).isEqualTo("CREATE DATABASE IF NOT EXISTS tollgate_it_1");
    assertThat(String.join("\n", statements))
        .contains("tollgate_it_1.usage_events", "tollgate_it_1.usage_hourly", "tollgate_it_1.usage_daily",
            "tollgate_it_1.alerts");
  }

  @Test
  void shouldOnlyCreateWhatDoesNotExistSoThatApplyingTwiceChangesNothing() {
    // when
    List<String> statements = Schema.statements("tollgate");

    // then: a column added to an existing table is applied only when missing (Schema.apply checks)
    assertThat(statements).allMatch(s -> s.replaceAll("(?m)^--.*$", "").strip().matches(
        "(?s)(CREATE (DATABASE|TABLE|MATERIALIZED VIEW) IF NOT EXISTS |ALTER TABLE \\w+\\.\\w+ ADD COLUMN \\w+ ).*"));
  }

  @Test
  void shouldUseOnlyTypesAndClausesThatClickHouse1816Accepts() {
    // when
    String ddl = String.join("\n", Schema.statements("tollgate")).replaceAll("(?m)^--.*$", "");

    // then
    assertThat(ddl).doesNotContain("DateTime64", "LowCardinality", "TTL", "Map(", " OVER ", "Float");
  }

  @Test
  void shouldRefuseADatabaseNameThatIsNotAPlainIdentifier() {
    assertThatThrownBy(() -> Schema.statements("tollgate; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database name");
  }
}
