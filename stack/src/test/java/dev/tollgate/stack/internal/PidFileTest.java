package dev.tollgate.stack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

  @TempDir
  Path dataDir;

  @Test
  void shouldFindNoProcessWithoutAPidFile() {
    // given
    PidFile pidFile = new PidFile(dataDir, "kafka");

    // when / then
    assertThat(pidFile.liveProcess()).isEmpty();
  }

  @Test
  void shouldFindNoProcessWhenThePidFileHoldsNoNumber() throws Exception {
    // given
    Files.writeString(dataDir.resolve("kafka.pid"), "not a pid\n");

    // when / then
    assertThat(new PidFile(dataDir, "kafka").liveProcess()).isEmpty();
  }

  @Test
  void shouldFindNoProcessWhenTheRecordedProcessHasExited() throws Exception {
    // given
    Process exited = new ProcessBuilder("sh", "-c", "exit 0", dataDir.toString()).start();
    exited.waitFor(10, TimeUnit.SECONDS);
    PidFile pidFile = new PidFile(dataDir, "kafka");
    pidFile.write(exited.pid());

    // when / then
    assertThat(pidFile.liveProcess()).isEmpty();
  }

  @Test
  void shouldIgnoreALiveProcessWhoseCommandLineDoesNotNameTheDataFolder() {
    // given
    PidFile pidFile = new PidFile(dataDir, "kafka");
    pidFile.write(ProcessHandle.current().pid());

    // when / then
    assertThat(pidFile.liveProcess()).isEmpty();
  }

  @Test
  void shouldFindALiveProcessStartedFromTheDataFolder() throws Exception {
    // given
    Process running = new ProcessBuilder("sh", "-c", "sleep 60", dataDir.toString()).start();
    try {
      PidFile pidFile = new PidFile(dataDir, "clickhouse");
      pidFile.write(running.pid());

      // when / then
      assertThat(pidFile.liveProcess()).map(ProcessHandle::pid).contains(running.pid());
      assertThat(Files.readString(dataDir.resolve("clickhouse.pid")).trim()).isEqualTo(Long.toString(running.pid()));
    } finally {
      running.destroyForcibly();
    }
  }

  @Test
  void shouldDeleteThePidFile() {
    // given
    PidFile pidFile = new PidFile(dataDir, "kafka");
    pidFile.write(42);

    // when
    pidFile.delete();

    // then
    assertThat(pidFile.path()).doesNotExist();
  }
}
