package dev.tollgate.processor.internal;

import dev.tollgate.schemas.avro.RejectedEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.serde.UsageEventCodec;
import dev.tollgate.schemas.validation.Violation;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes and checks every raw value. A valid event leaves stamped with its {@code occurred_at};
 * anything else becomes a {@link RejectedEvent} holding the value exactly as received, so that one
 * bad record costs nothing but itself.
 */
public final class ValidationProcessor implements Processor<String, byte[], String, ValidationResult> {
  private final UsageEventCodec codec = new UsageEventCodec();
  private ProcessorContext<String, ValidationResult> context;

  @Override
  public void init(ProcessorContext<String, ValidationResult> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    long now = context.currentSystemTimeMs();
    ParseResult<UsageEvent> decoded = decode(record.value(), now);
    if (decoded instanceof ParseResult.Ok<UsageEvent> ok) {
      DecodedFrom.remember(ok.value(), record.value());
      context.forward(record.withValue(new ValidationResult.Accepted(ok.value()))
          .withTimestamp(ok.value().getOccurredAt().toEpochMilli()));
    } else {
      Violation violation = ((ParseResult.Invalid<UsageEvent>) decoded).violation();
      context.forward(record.withValue(new ValidationResult.Refused(rejection(record, violation, now))));
    }
  }

  private ParseResult<UsageEvent> decode(byte[] value, long now) {
    try {
      return codec.decode(value, Instant.ofEpochMilli(now));
    } catch (RuntimeException e) {
      return ParseResult.invalid(Violation.WHOLE_RECORD, "could not be read: " + e);
    }
  }

  private RejectedEvent rejection(Record<String, byte[]> record, Violation violation, long now) {
    Optional<RecordMetadata> source = context.recordMetadata();
    byte[] payload = record.value() == null ? new byte[0] : record.value();
    return RejectedEvent.newBuilder()
        // Producers key raw records by event_id; the key is the best id we have for a record we cannot read.
        .setEventId(record.key())
        .setField(violation.field())
        .setReason(violation.reason())
        .setPayload(ByteBuffer.wrap(payload))
        .setSourceTopic(source.map(RecordMetadata::topic).orElse("unknown"))
        .setSourcePartition(source.map(RecordMetadata::partition).orElse(-1))
        .setSourceOffset(source.map(RecordMetadata::offset).orElse(-1L))
        .setRejectedAt(Instant.ofEpochMilli(now))
        .build();
  }
}
