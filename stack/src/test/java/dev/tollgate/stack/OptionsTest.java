package dev.tollgate.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void shouldRefuseABrokerWhoseControllerSharesItsPort() {
    // when / then
    assertThatThrownBy(() -> new KafkaBroker.Options(Path.of("d"), 9092, 9092, false, "1g"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("controllerPort:");
  }

  @Test
  void shouldRefuseAHeapThatIsNotAJvmSize() {
    // when / then
    assertThatThrownBy(() -> new KafkaBroker.Options(Path.of("d"), 9092, 9093, false, "1 GB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("heap:");
  }

  @Test
  void shouldRefuseAPortOutsideTheTcpRange() {
    // when / then
    assertThatThrownBy(() -> new ClickHouseServer.Options(Path.of("d"), 8123, 70_000, 9009, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tcpPort: not a TCP port: 70000");
  }

  @Test
  void shouldRefuseClickHousePortsThatCoincide() {
    // when / then
    assertThatThrownBy(() -> new ClickHouseServer.Options(Path.of("d"), 8123, 9000, 8123, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("three different ports");
  }

  @Test
  void shouldMakeTheDataFolderAbsoluteSoPidFilesAndCommandLinesAgree() {
    // when
    KafkaBroker.Options options = KafkaBroker.Options.local(Path.of("some/../data"));

    // then
    assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(options.port()).isEqualTo(9092);
    assertThat(options.detached()).isTrue();
  }

  @Test
  void shouldHandOutDistinctFreePorts() {
    // when
    int[] ports = Ports.free(3);

    // then
    assertThat(ports).hasSize(3).doesNotHaveDuplicates();
    assertThat(java.util.Arrays.stream(ports).boxed()).allMatch(port -> port > 0 && port <= 65_535);
  }
}
