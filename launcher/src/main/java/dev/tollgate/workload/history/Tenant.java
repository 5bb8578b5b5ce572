package dev.tollgate.workload.history;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One tenant of the generated history: its teams, its users (each in one team, a few of them far
 * busier than the rest), the features it uses and how much, and when its working day is.
 */
record Tenant(
    int index,
    String id,
    List<String> teams,
    List<User> users,
    WeightedChoice userActivity,
    WeightedChoice featureMix,
    List<WeightedChoice> modelMix,
    ZoneOffset zone,
    MonthRhythm rhythm,
    Map<String, String> attributes) {

  record User(String id, String team) {}

  User pickUser(SplittableRandom random) {
    return users.get(userActivity.pick(random));
  }

  Feature pickFeature(SplittableRandom random) {
    return Feature.ALL.get(featureMix.pick(random));
  }

  Feature.Model pickModel(Feature feature, SplittableRandom random) {
    return feature.models().get(modelMix.get(feature.index()).pick(random));
  }
}
