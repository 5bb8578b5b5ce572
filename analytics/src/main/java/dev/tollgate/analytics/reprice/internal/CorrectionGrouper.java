package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.schemas.avro.CostCorrection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sums changes of cost into one {@link CostCorrection} per tenant, team, user, feature and quarter
 * hour (the finest budget scope and the period every time zone's day is made of). The changes must
 * come grouped by that key, events in a fixed order within a group. A correction's id is a digest of
 * the key and of every event in it with its old version ({@code old_priced_at}), old and new cost:
 * the same change always gives the same id, so a run finished after a crash sends the ids it may have
 * sent already, and budgets apply each once; a later change of the same events is another version,
 * hence another id. A group whose changes cancel out changes no spend and is not sent.
 */
public final class CorrectionGrouper {
  public static final String REASON = "reprice";
  private static final long QUARTER_HOUR_SECONDS = 900;
  private static final int SCALE = 12;

  private final String reference;
  private final Consumer<CostCorrection> out;
  private Key key;
  private MessageDigest digest;
  private BigDecimal delta;
  private long events;
  private long emitted;

  public CorrectionGrouper(String reference, Consumer<CostCorrection> out) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.out = out;
  }

  private record Key(String tenantId, String teamId, String userId, String feature, Instant quarterHour) {}

  public static Instant quarterHour(Instant at) {
    long seconds = at.getEpochSecond();
    return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, QUARTER_HOUR_SECONDS));
  }

  /** Adds a change of cost; a change that leaves the cost as it was is ignored. */
  public void add(Change change) {
    if (!change.costChanged()) {
      return;
    }
    Key next = new Key(change.tenantId(), change.teamId(), change.userId(), change.feature(),
        quarterHour(change.occurredAt()));
    if (!next.equals(key)) {
      emit();
      start(next);
    }
    put(change.eventId());
    put(money(change.before().costUsd()));
    put(money(change.after().costUsd()));
    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(change.oldPricedAt().getEpochSecond()).array());
    delta = delta.add(change.deltaUsd());
    events++;
  }

  /** Sends the last group; returns how many corrections were sent in all. */
  public long finish() {
    emit();
    key = null;
    return emitted;
  }

  private void start(Key next) {
    key = next;
    digest = sha256();
    delta = BigDecimal.ZERO.setScale(SCALE);
    events = 0;
    put(next.tenantId());
    put(next.teamId());
    put(next.userId());
    put(next.feature());
    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(next.quarterHour().getEpochSecond()).array());
  }

  private void emit() {
    if (key == null || delta.signum() == 0) {
      return;
    }
    out.accept(CostCorrection.newBuilder()
        .setCorrectionId("reprice-" + HexFormat.of().formatHex(digest.digest(), 0, 16))
        .setTenantId(key.tenantId())
        .setTeamId(key.teamId().isEmpty() ? null : key.teamId())
        .setUserId(key.userId())
        .setFeature(key.feature())
        .setOccurredAt(key.quarterHour())
        .setDeltaUsd(delta.setScale(SCALE, RoundingMode.UNNECESSARY))
        .setEvents(events)
        .setReason(REASON)
        .setReference(reference)
        .build());
    emitted++;
  }

  /** Length first, so that no two different sequences of strings give the same bytes. */
  private void put(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static String money(BigDecimal value) {
    return value.setScale(SCALE, RoundingMode.UNNECESSARY).toPlainString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
