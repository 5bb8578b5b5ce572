package dev.tollgate.analytics.alerts;

import dev.tollgate.analytics.writer.WriterConfig;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.Topics;

/**
 * Settings of the alert writer: those of the usage writer, ClickHouse user included, on the alerts topic
 * with a group of its own.
 */
public final class AlertWriterConfig {
  public static final String GROUP = "TOLLGATE_ALERT_WRITER_GROUP";
  public static final String DEFAULT_GROUP = "tollgate-alert-writer";

  private AlertWriterConfig() {}

  public static WriterConfig fromEnv(Env env) {
    return WriterConfig.fromEnv(env).withTopic(Topics.ALERTS.name()).withGroup(env.string(GROUP, DEFAULT_GROUP));
  }
}
