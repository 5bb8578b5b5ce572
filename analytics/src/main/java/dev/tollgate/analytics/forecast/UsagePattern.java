package dev.tollgate.analytics.forecast;

/** The pattern of a scope's spend, the evidence, and the rule of {@link PatternClassifier} that named it. */
public record UsagePattern(PatternKind kind, PatternEvidence evidence, String reason) {}
