package dev.tollgate.analytics.writer;

import dev.tollgate.config.Env;
import dev.tollgate.schemas.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Settings of the ClickHouse writer; see {@link #fromEnv(Env)} for the variables and defaults. The
 * ClickHouse user is the writer's own, not the one of the {@code ./tollgate} commands: it may insert and
 * select, but not create, alter or drop, so the schema must be in place before the writer starts.
 */
public record WriterConfig(
    String kafkaBootstrap,
    String groupId,
    String topic,
    String clickHouseUrl,
    String clickHouseUser,
    String clickHousePassword,
    String database,
    int batchRows,
    Duration flushInterval,
    Duration retryMax) {

  public static final String GROUP = "TOLLGATE_WRITER_GROUP";
  public static final String TOPIC = "TOLLGATE_WRITER_TOPIC";
  public static final String BATCH_ROWS = "TOLLGATE_WRITER_BATCH_ROWS";
  public static final String FLUSH_MS = "TOLLGATE_WRITER_FLUSH_MS";
  public static final String RETRY_MAX_MS = "TOLLGATE_WRITER_RETRY_MAX_MS";
  public static final String CLICKHOUSE_USER = "TOLLGATE_WRITER_CLICKHOUSE_USER";
  public static final String CLICKHOUSE_PASSWORD = "TOLLGATE_WRITER_CLICKHOUSE_PASSWORD";
  /** Defined by the local stack's {@code deploy/local/clickhouse-users.xml}. */
  public static final String DEFAULT_CLICKHOUSE_USER = "tollgate_writer";

  public WriterConfig {
    if (batchRows < 1) {
      throw new IllegalArgumentException(BATCH_ROWS + " must be at least 1, got " + batchRows);
    }
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException(FLUSH_MS + " must be at least 1 ms, got " + flushInterval.toMillis());
    }
    if (retryMax.isNegative() || retryMax.isZero()) {
      throw new IllegalArgumentException(RETRY_MAX_MS + " must be at least 1 ms, got " + retryMax.toMillis());
    }
  }

  public static WriterConfig fromEnv(Env env) {
    return new WriterConfig(
        env.kafkaBootstrap(),
        env.string(GROUP, "tollgate-clickhouse-writer"),
        env.string(TOPIC, Topics.USAGE_PRICED.name()),
        env.clickHouseUrl(),
        env.string(CLICKHOUSE_USER, DEFAULT_CLICKHOUSE_USER),
        env.string(CLICKHOUSE_PASSWORD, ""),
        env.clickHouseDatabase(),
        env.integer(BATCH_ROWS, 50_000),
        // Each insert creates files for every column of every touched part, a fixed cost of tens of ms
        // on the server: fewer, larger inserts cost it far less CPU per row.
        Duration.ofMillis(env.integer(FLUSH_MS, 1000)),
        Duration.ofMillis(env.integer(RETRY_MAX_MS, 30_000)));
  }

  public WriterConfig withTopic(String newTopic) {
    return new WriterConfig(kafkaBootstrap, groupId, newTopic, clickHouseUrl, clickHouseUser, clickHousePassword,
        database, batchRows, flushInterval, retryMax);
  }

  public WriterConfig withGroup(String newGroupId) {
    return new WriterConfig(kafkaBootstrap, newGroupId, topic, clickHouseUrl, clickHouseUser, clickHousePassword,
        database, batchRows, flushInterval, retryMax);
  }

  public WriterConfig withDatabase(String newDatabase) {
    return new WriterConfig(kafkaBootstrap, groupId, topic, clickHouseUrl, clickHouseUser, clickHousePassword,
        newDatabase, batchRows, flushInterval, retryMax);
  }

  /** Read-committed, manually committed: offsets move only once ClickHouse holds the rows. */
  public Properties consumerProperties() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(Math.min(batchRows, 10_000)));
    return p;
  }
}
