package dev.tollgate.alerting;

import dev.tollgate.alerting.dispatch.DeliverySettings;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Settings of the alerting service; see {@link #fromEnv(Env)} for the variables and defaults.
 *
 * @param metricsAddress host:port of the Prometheus endpoint, or null for none
 */
public record AlertingConfig(
    String kafkaBootstrap,
    String groupId,
    String alertsTopic,
    String deadLetterTopic,
    String incidentsTopic,
    Path routesFile,
    DeliverySettings delivery,
    Duration httpTimeout,
    String metricsAddress,
    String compression) {

  public static final String ROUTES = "TOLLGATE_ALERT_ROUTES";
  public static final String GROUP = "TOLLGATE_ALERTING_GROUP";
  public static final String DIGEST_INTERVAL = "TOLLGATE_ALERT_DIGEST_INTERVAL";
  public static final String RATE_PER_MINUTE = "TOLLGATE_ALERT_RATE_PER_MINUTE";
  public static final String RETRY_FIRST = "TOLLGATE_ALERT_RETRY_FIRST";
  public static final String RETRY_MAX = "TOLLGATE_ALERT_RETRY_MAX";
  public static final String GIVE_UP_AFTER = "TOLLGATE_ALERT_GIVE_UP_AFTER";
  public static final String HTTP_TIMEOUT = "TOLLGATE_ALERT_HTTP_TIMEOUT";
  public static final String METRICS_ADDRESS = "TOLLGATE_ALERT_METRICS_ADDRESS";
  public static final String DEFAULT_ROUTES = "deploy/alerting/routes.json";
  public static final String DEFAULT_GROUP = "tollgate-alerting";
  public static final String DEFAULT_METRICS_ADDRESS = "127.0.0.1:9466";

  public static AlertingConfig fromEnv(Env env) {
    String routes = env.string(ROUTES, null);
    Path routesFile = routes == null ? Path.of(env.string("TOLLGATE_HOME", ".")).resolve(DEFAULT_ROUTES) : Path.of(routes);
    String metrics = env.string(METRICS_ADDRESS, DEFAULT_METRICS_ADDRESS);
    return new AlertingConfig(
        env.kafkaBootstrap(),
        env.string(GROUP, DEFAULT_GROUP),
        Topics.ALERTS.name(),
        Topics.ALERTS_DEAD_LETTER.name(),
        Topics.ALERT_INCIDENTS.name(),
        routesFile.toAbsolutePath().normalize(),
        new DeliverySettings(
            digestInterval(env),
            env.integer(RATE_PER_MINUTE, 30),
            env.duration(RETRY_FIRST, Duration.ofSeconds(1)),
            env.duration(RETRY_MAX, Duration.ofMinutes(1)),
            env.duration(GIVE_UP_AFTER, Duration.ofMinutes(30))),
        env.duration(HTTP_TIMEOUT, Duration.ofSeconds(10)),
        metrics.equalsIgnoreCase("off") ? null : metrics,
        env.kafkaCompression());
  }

  /** {@code 0} or {@code PT0S} turns the digest off. */
  private static Duration digestInterval(Env env) {
    return "0".equals(env.string(DIGEST_INTERVAL, null)) ? Duration.ZERO
        : env.duration(DIGEST_INTERVAL, Duration.ofMinutes(5));
  }

  public AlertingConfig withTopics(String alerts, String deadLetter, String incidents) {
    return new AlertingConfig(kafkaBootstrap, groupId, alerts, deadLetter, incidents, routesFile, delivery, httpTimeout,
        metricsAddress, compression);
  }

  public AlertingConfig withGroup(String group) {
    return new AlertingConfig(kafkaBootstrap, group, alertsTopic, deadLetterTopic, incidentsTopic, routesFile, delivery,
        httpTimeout, metricsAddress, compression);
  }

  public AlertingConfig withDelivery(DeliverySettings settings) {
    return new AlertingConfig(kafkaBootstrap, groupId, alertsTopic, deadLetterTopic, incidentsTopic, routesFile, settings,
        httpTimeout, metricsAddress, compression);
  }

  /** Read-committed (alerts are written in transactions), committed by hand after delivery. */
  public Properties consumerProperties() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    return p;
  }

  /** For dead letters and open incidents: each write waits for every in-sync replica. */
  public Properties producerProperties() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, groupId + "-producer");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    return p;
  }
}
