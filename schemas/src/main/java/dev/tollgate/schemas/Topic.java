package dev.tollgate.schemas;

import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values and how the broker keeps it. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
  public Topic {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("topic name must be set");
    }
  }
}
