package dev.tollgate.stack.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code <dataDir>/<name>.pid}. A pid only counts while that process is alive and its command line
 * names the data folder: after a reboot the number may belong to an unrelated process.
 */
public record PidFile(Path dataDir, String name) {

  public PidFile {
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  public Path path() {
    return dataDir.resolve(name + ".pid");
  }

  public Optional<ProcessHandle> liveProcess() {
    return readPid()
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(this::belongsToDataDir);
  }

  public void write(long pid) {
    Path tmp = dataDir.resolve(name + ".pid.tmp");
    try {
      Files.createDirectories(dataDir);
      Files.writeString(tmp, pid + "\n");
      Files.move(tmp, path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path(), e);
    }
  }

  public void delete() {
    try {
      Files.deleteIfExists(path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path(), e);
    }
  }

  Optional<Long> readPid() {
    try {
      return Optional.of(Long.parseLong(Files.readString(path()).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private boolean belongsToDataDir(ProcessHandle process) {
    return process.info().commandLine()
        .map(commandLine -> commandLine.contains(dataDir.toString()))
        .orElse(true);
  }
}
