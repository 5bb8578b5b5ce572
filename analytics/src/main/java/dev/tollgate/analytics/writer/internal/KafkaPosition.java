package dev.tollgate.analytics.writer.internal;

/** Where a record sits in Kafka; stored with its row so that a restart can tell what is already written. */
public record KafkaPosition(String topic, int partition, long offset) {}
