package dev.tollgate.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.config.Env;
import dev.tollgate.stack.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both HTTP stacks of the client against the real ClickHouse: statements, queries, inserts, errors. */
class ClickHouseHttpIT {

  static Stream<ClickHouseHttp> clients() {
    Env env = new Env(Map.of(Env.CLICKHOUSE_URL, TestStack.clickHouse().httpUrl()));
    return Stream.of(ClickHouseHttp.fromEnv(env), ClickHouseHttp.forCommand(env));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void shouldRunStatementsInsertRowsAndReadThemBack(ClickHouseHttp clickHouse) {
    // given
    String table = "default.http_it_" + UUID.randomUUID().toString().replace("-", "");
    clickHouse.execute("CREATE TABLE " + table + " (id UInt32, name String) ENGINE = Memory");
    byte[] rows = {1, 0, 0, 0, 3, 'a', 'b', 'c', 2, 0, 0, 0, 2, (byte) 0xC3, (byte) 0xA9};

    // when
    clickHouse.insertRowBinary(table, List.of("id", "name"), rows, rows.length);
    Rows read = clickHouse.query("SELECT id, name FROM " + table + " ORDER BY id");

    // then
    assertThat(read.rows()).containsExactly(List.of("1", "abc"), List.of("2", new String(new byte[] {(byte) 0xC3, (byte) 0xA9},
        StandardCharsets.UTF_8)));
    clickHouse.execute("DROP TABLE " + table);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void shouldReportWhatClickHouseRefusedWithItsStatus(ClickHouseHttp clickHouse) {
    assertThatThrownBy(() -> clickHouse.query("SELECT no_such_column FROM system.one"))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("ClickHouse answered")
        .hasMessageContaining("no_such_column");
  }

  @ParameterizedTest
  @MethodSource("unreachable")
  void shouldSayWhenClickHouseCannotBeReached(ClickHouseHttp clickHouse) {
    assertThatThrownBy(() -> clickHouse.query("SELECT 1"))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("unreachable");
  }

  static Stream<ClickHouseHttp> unreachable() {
    Env env = new Env(Map.of(Env.CLICKHOUSE_URL, "http://127.0.0.1:1"));
    return Stream.of(ClickHouseHttp.fromEnv(env), ClickHouseHttp.forCommand(env));
  }
}
