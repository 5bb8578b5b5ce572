package dev.tollgate.analytics.recommend;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Recommender#recommend} found.
 *
 * @param shown the recommendations above both floors, largest saving first
 * @param hidden how many were found but save less than a floor
 * @param notes what was left out and why, e.g. calls of a model the catalog does not price
 */
public record Recommendations(RecommendWindow window, Optional<String> tenant, RecommendRules rules,
                              List<Recommendation> shown, int hidden, List<String> notes) {
  public Recommendations {
    shown = List.copyOf(shown);
    notes = List.copyOf(notes);
  }
}
