package dev.tollgate.stack.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The Kafka broker's jars, as resolved by Maven when tollgate-stack was built
 * (the {@code kafka-broker.classpath} resource written by maven-dependency-plugin).
 */
public final class BrokerClasspath {

  static final String RESOURCE = "/dev/tollgate/stack/kafka-broker.classpath";

  private BrokerClasspath() {
  }

  public static String load() {
    return verified(read());
  }

  static String verified(String classpath) {
    List<String> missing = Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !Files.isRegularFile(Path.of(entry)))
        .toList();
    if (classpath.isBlank() || !missing.isEmpty()) {
      throw new IllegalStateException("the Kafka broker jars are not in the local Maven repository ("
          + (classpath.isBlank() ? "empty classpath" : "missing: " + missing)
          + "); rebuild with: mvn -pl stack install");
    }
    return classpath;
  }

  private static String read() {
    try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the tollgate-stack jar; rebuild with: mvn -pl stack install");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
