package dev.tollgate.stack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.stack.StackException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClickHouseBinaryTest {

  @Test
  void shouldPassTheServerToolNameToTheMultiCallBinary() {
    // given
    ClickHouseBinary binary = new ClickHouseBinary(Path.of("/usr/bin/clickhouse"));

    // when / then
    assertThat(binary.serverCommand(Path.of("/d/config/config.xml")))
        .containsExactly("/usr/bin/clickhouse", "server", "--config-file=/d/config/config.xml");
  }

  @Test
  void shouldRunTheStandaloneServerBinaryWithOnlyTheConfigFile() {
    // given
    ClickHouseBinary binary = new ClickHouseBinary(Path.of("/usr/sbin/clickhouse-server"));

    // when / then
    assertThat(binary.serverCommand(Path.of("/d/config/config.xml")))
        .containsExactly("/usr/sbin/clickhouse-server", "--config-file=/d/config/config.xml");
  }

  @Test
  void shouldTellHowToInstallClickHouseWhenNoBinaryIsFound() {
    // given
    List<Path> knownPaths = List.of(Path.of("/nowhere/clickhouse"));

    // when / then
    assertThatThrownBy(() -> ClickHouseBinary.locate(null, knownPaths, program -> Optional.empty()))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("ClickHouse is not installed")
        .hasMessageContaining("apt-get install clickhouse-server");
  }

  @Test
  void shouldPreferTheConfiguredBinary(@TempDir Path folder) throws Exception {
    // given
    Path binary = Files.createFile(folder.resolve("clickhouse"));
    binary.toFile().setExecutable(true);

    // when
    ClickHouseBinary located = ClickHouseBinary.locate(binary.toString(), List.of(Path.of("/usr/sbin/clickhouse-server")),
        program -> Optional.empty());

    // then
    assertThat(located.path()).isEqualTo(binary);
  }

  @Test
  void shouldRefuseAConfiguredBinaryThatCannotRun() {
    // when / then
    assertThatThrownBy(() -> ClickHouseBinary.locate("/nowhere/clickhouse", List.of(), program -> Optional.empty()))
        .isInstanceOf(StackException.class)
        .hasMessage("TOLLGATE_CLICKHOUSE_BIN=/nowhere/clickhouse is not an executable file");
  }
}
