package dev.tollgate.workload.history;

import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The events of a {@link HistorySpec}, in generation order: calls grouped into jobs (one request_id
 * shared by one to five calls of one user and feature, moments apart), with the spec's credits spread
 * evenly among them. The same spec always gives the same events.
 */
public final class HistoryGenerator implements Iterator<UsageEvent> {
  private static final int[] CALLS_PER_JOB_PCT = {50, 20, 15, 10, 5};
  private static final int ERROR_PCT = 2;

  private final HistorySpec spec;
  private final SplittableRandom random;
  private final List<Tenant> tenants;
  private final WeightedChoice tenantActivity;
  private final CallFactory calls;
  private final Credits credits;
  private final String idPrefix;
  private long produced;
  private long adjustmentsProduced;
  private Job job;

  public HistoryGenerator(HistorySpec spec) {
    SplittableRandom root = new SplittableRandom(spec.seed());
    this.spec = spec;
    // The same seed gives the same tenants and users in every month, but each month its own calls.
    this.tenants = Population.of(spec, root.split());
    this.random = new SplittableRandom(root.nextLong() + spec.month().getYear() * 12L + spec.month().getMonthValue());
    this.tenantActivity = WeightedChoice.of(Population.tenantWeights(spec.tenants()));
    this.calls = new CallFactory(spec.seed(), random);
    this.credits = new Credits(spec, random);
    this.idPrefix = "h" + spec.month().toString().replace("-", "") + "-s" + Long.toHexString(spec.seed()) + "-";
  }

  /**
   * An agent job under way: its calls share a request id, a user and a feature. {@code made} of its
   * {@code calls} exist; {@code readyAt} is when the last one returned, or the job's start before the first.
   */
  private record Job(Tenant tenant, Tenant.User user, Feature feature, Feature.Model model, String requestId,
                     int calls, int made, Instant readyAt) {
    Job next(Instant at) {
      return new Job(tenant, user, feature, model, requestId, calls, made + 1, at);
    }
  }

  @Override
  public boolean hasNext() {
    return produced < spec.events();
  }

  @Override
  public UsageEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("all " + spec.events() + " events were generated");
    }
    String eventId = idPrefix + produced;
    UsageEvent event;
    if (adjustmentsProduced < spec.adjustments() && produced == adjustmentPosition(adjustmentsProduced)) {
      Tenant tenant = tenants.get((int) (adjustmentsProduced % tenants.size()));
      event = credits.next(eventId, tenant, adjustmentsProduced);
      adjustmentsProduced++;
    } else {
      event = nextCall(eventId);
    }
    produced++;
    return event;
  }

  /** The k-th credit sits in the middle of the k-th of {@code adjustments} equal stretches of the sequence. */
  private long adjustmentPosition(long k) {
    return (2 * k + 1) * spec.events() / (2 * spec.adjustments());
  }

  private UsageEvent nextCall(String eventId) {
    if (job == null || job.made() == job.calls()) {
      job = startJob();
    }
    Instant at = job.made() == 0 ? job.readyAt()
        : job.tenant().rhythm().clamp(job.readyAt().plusMillis(200 + random.nextInt(3000)));
    boolean error = random.nextInt(100) < ERROR_PCT;
    Feature.Model model = job.made() > 0 && random.nextInt(5) == 0 ? job.tenant().pickModel(job.feature(), random) : job.model();
    UsageEvent event = calls.call(eventId, at, job.tenant(), job.user(), job.feature(), model, job.requestId(), error);
    job = job.next(at.plusMillis(event.getLatencyMs()));
    return event;
  }

  private Job startJob() {
    Tenant tenant = tenants.get(tenantActivity.pick(random));
    Tenant.User user = tenant.pickUser(random);
    Feature feature = tenant.pickFeature(random);
    Instant at = tenant.rhythm().next(random);
    if (feature.batch()) {
      at = tenant.rhythm().overnight(at, random);
    }
    int calls = feature.isChat() ? callsPerJob() : 1;
    String requestId = "req-" + Long.toHexString(random.nextLong());
    return new Job(tenant, user, feature, tenant.pickModel(feature, random), requestId, calls, 0, at);
  }

  private int callsPerJob() {
    int r = random.nextInt(100);
    for (int i = 0; i < CALLS_PER_JOB_PCT.length; i++) {
      r -= CALLS_PER_JOB_PCT[i];
      if (r < 0) {
        return i + 1;
      }
    }
    return CALLS_PER_JOB_PCT.length;
  }

  /** How many of the events generated so far are credits. */
  public long adjustmentsGenerated() {
    return adjustmentsProduced;
  }
}
