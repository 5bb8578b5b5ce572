package dev.tollgate.ingest.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded provider responses under {@code src/test/resources/providers/}. */
final class ProviderBodies {
  private ProviderBodies() {}

  static String read(String path) {
    try (InputStream in = ProviderBodies.class.getResourceAsStream("/providers/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource providers/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
