package dev.tollgate.analytics.recommend.internal;

/** The calls one recommendation is about: one feature of one tenant on one model. */
public record GroupKey(String tenant, String feature, String provider, String model) {}
