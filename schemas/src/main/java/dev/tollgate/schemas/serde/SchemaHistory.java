package dev.tollgate.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every version ever written of one record schema, read from {@code avro-history/<Name>/v1.avsc},
 * {@code v2.avsc}, … on the classpath. Readers register them all so that a record written with any
 * past version stays readable.
 */
public final class SchemaHistory {
  private static final String ROOT = "avro-history/";

  private SchemaHistory() {}

  public static List<Schema> versionsOf(String recordName) {
    List<Schema> versions = new ArrayList<>();
    for (int v = 1; ; v++) {
      String path = ROOT + recordName + "/v" + v + ".avsc";
      try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          return List.copyOf(versions);
        }
        versions.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read schema " + path, e);
      }
    }
  }
}
