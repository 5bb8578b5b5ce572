package dev.tollgate.analytics.writer.internal;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Asks ClickHouse which Kafka offsets of the writer's topic it already holds. */
public final class HeldOffsets {
  private final ClickHouseHttp clickHouse;
  private final String table;
  private final String topicLiteral;

  public HeldOffsets(ClickHouseHttp clickHouse, String database, String topic) {
    this.clickHouse = clickHouse;
    this.table = database + ".usage_events";
    this.topicLiteral = quote(topic);
  }

  /** The offsets held within the ranges, by partition; partitions with none are absent. */
  public Map<Integer, NavigableSet<Long>> within(List<OffsetRange> ranges) {
    Map<Integer, NavigableSet<Long>> held = new HashMap<>();
    if (ranges.isEmpty()) {
      return held;
    }
    String where = ranges.stream()
        .map(r -> "(kafka_partition = " + r.partition() + " AND kafka_offset BETWEEN " + r.from() + " AND " + r.to() + ")")
        .collect(Collectors.joining(" OR "));
    Rows rows = clickHouse.query("SELECT DISTINCT kafka_partition, kafka_offset FROM " + table
        + " WHERE kafka_topic = " + topicLiteral + " AND (" + where + ")");
    for (List<String> row : rows.rows()) {
      held.computeIfAbsent(Integer.parseInt(row.get(0)), p -> new TreeSet<>()).add(Long.parseLong(row.get(1)));
    }
    return held;
  }

  /** The highest offset held per partition; partitions with none are absent. */
  public Map<Integer, Long> highest(Collection<Integer> partitions) {
    Map<Integer, Long> highest = new HashMap<>();
    if (partitions.isEmpty()) {
      return highest;
    }
    String in = partitions.stream().map(String::valueOf).collect(Collectors.joining(", "));
    Rows rows = clickHouse.query("SELECT kafka_partition, max(kafka_offset) AS highest FROM " + table
        + " WHERE kafka_topic = " + topicLiteral + " AND kafka_partition IN (" + in + ") GROUP BY kafka_partition");
    for (List<String> row : rows.rows()) {
      highest.put(Integer.parseInt(row.get(0)), Long.parseLong(row.get(1)));
    }
    return highest;
  }

  /** A ClickHouse string literal holding exactly {@code value}. */
  public static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
