package dev.tollgate.workload.history;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The tenants of a generated history. Tenants differ in size (the first is the largest), so users
 * are shared out in proportion; inside a tenant a few users make most of the calls.
 */
final class Population {
  private static final List<String> TEAM_NAMES = List.of(
      "search", "support", "growth", "research", "platform", "billing", "ops", "labs", "data", "mobile", "sales", "legal");
  private static final List<Region> REGIONS = List.of(
      new Region("eu-west-1", ZoneOffset.ofHours(1)), new Region("us-east-1", ZoneOffset.ofHours(-5)),
      new Region("us-west-2", ZoneOffset.ofHours(-8)), new Region("eu-west-2", ZoneOffset.UTC),
      new Region("ap-northeast-1", ZoneOffset.ofHours(9)));
  private static final double TENANT_SIZE_SKEW = 0.9;
  private static final double USER_ACTIVITY_SKEW = 1.0;
  private static final int DROPPED_FEATURE_PCT = 25;

  private record Region(String name, ZoneOffset zone) {}

  private Population() {}

  static List<Tenant> of(HistorySpec spec, SplittableRandom random) {
    long[] sizes = zipf(spec.tenants(), TENANT_SIZE_SKEW);
    int[] userCounts = shareOut(spec.users(), sizes);
    List<Tenant> tenants = new ArrayList<>();
    for (int t = 0; t < spec.tenants(); t++) {
      tenants.add(tenant(spec, t, userCounts[t], random));
    }
    return List.copyOf(tenants);
  }

  /** Relative size of each tenant, in the order of {@link #of}. */
  static long[] tenantWeights(int tenants) {
    return zipf(tenants, TENANT_SIZE_SKEW);
  }

  private static Tenant tenant(HistorySpec spec, int index, int userCount, SplittableRandom random) {
    String id = String.format("tenant-%03d", index + 1);
    List<String> teams = teams(random);
    List<Tenant.User> users = new ArrayList<>();
    for (int u = 0; u < userCount; u++) {
      users.add(new Tenant.User(String.format("%s-user-%04d", id, u + 1), teams.get(random.nextInt(teams.size()))));
    }
    Region region = REGIONS.get(random.nextInt(REGIONS.size()));
    return new Tenant(index, id, teams, List.copyOf(users), WeightedChoice.of(shuffled(zipf(userCount, USER_ACTIVITY_SKEW), random)),
        featureMix(random), modelMix(random), region.zone(), new MonthRhythm(spec.start(), spec.end(), region.zone()),
        Map.of("region", region.name()));
  }

  private static List<String> teams(SplittableRandom random) {
    List<String> names = new ArrayList<>(TEAM_NAMES);
    int count = 2 + random.nextInt(4);
    List<String> teams = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      teams.add(names.remove(random.nextInt(names.size())));
    }
    return List.copyOf(teams);
  }

  /** Every tenant chats; each other feature is used by about three tenants in four, each with its own intensity. */
  private static WeightedChoice featureMix(SplittableRandom random) {
    long[] weights = new long[Feature.ALL.size()];
    for (int f = 0; f < weights.length; f++) {
      boolean used = f == 0 || random.nextInt(100) >= DROPPED_FEATURE_PCT;
      weights[f] = used ? Feature.ALL.get(f).baseWeight() * (25L + random.nextInt(176)) : 0;
    }
    return WeightedChoice.of(weights);
  }

  private static List<WeightedChoice> modelMix(SplittableRandom random) {
    List<WeightedChoice> mixes = new ArrayList<>();
    for (Feature feature : Feature.ALL) {
      long[] weights = new long[feature.models().size()];
      for (int m = 0; m < weights.length; m++) {
        weights[m] = feature.models().get(m).weight() * (50L + random.nextInt(101));
      }
      mixes.add(WeightedChoice.of(weights));
    }
    return List.copyOf(mixes);
  }

  /** Weights falling off as 1 / rank^skew, the first the largest. */
  private static long[] zipf(int n, double skew) {
    long[] weights = new long[n];
    for (int i = 0; i < n; i++) {
      weights[i] = Math.max(1, Math.round(1_000_000 / Math.pow(i + 1, skew)));
    }
    return weights;
  }

  private static long[] shuffled(long[] weights, SplittableRandom random) {
    for (int i = weights.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long w = weights[i];
      weights[i] = weights[j];
      weights[j] = w;
    }
    return weights;
  }

  /** One user each, the rest in proportion to the weights, remainders to the largest fractions first. */
  private static int[] shareOut(int users, long[] weights) {
    long total = 0;
    for (long w : weights) {
      total += w;
    }
    int n = weights.length;
    int[] counts = new int[n];
    long spare = users - n;
    long given = 0;
    long[] remainders = new long[n];
    for (int i = 0; i < n; i++) {
      counts[i] = 1 + (int) (spare * weights[i] / total);
      remainders[i] = spare * weights[i] % total;
      given += counts[i] - 1;
    }
    for (long left = spare - given; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (remainders[i] > remainders[best]) {
          best = i;
        }
      }
      counts[best]++;
      remainders[best] = -1;
    }
    return counts;
  }
}
