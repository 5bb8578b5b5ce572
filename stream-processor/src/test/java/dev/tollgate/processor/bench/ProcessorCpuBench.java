package dev.tollgate.processor.bench;

import dev.tollgate.processor.PriceFallback;
import dev.tollgate.processor.PricingTopology;
import dev.tollgate.processor.ProcessorConfig;
import dev.tollgate.stack.KafkaBroker;
import dev.tollgate.stack.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;

/**
 * CPU the real pricing topology spends per event, against a real broker started for the run. The
 * raw events are published first; then each variant of the settings processes all of them under
 * its own application id, in turns, so that variants are compared within one run on a shared,
 * noisy machine. Measures CPU, not wall time: thread CPU of the client's threads, and process CPU
 * (which adds GC, JIT and the completion polling).
 *
 * <pre>
 * cd /work/main && mvn -o -q -pl stream-processor test-compile dependency:build-classpath \
 *   -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * cd stream-processor && java -Xms1g -Xmx1g -XX:+UseG1GC \
 *   -cp target/test-classes:target/classes:$(cat target/bench.classpath) \
 *   dev.tollgate.processor.bench.ProcessorCpuBench 300000 4 base,commit200
 * </pre>
 * Arguments: events (500000), rounds per variant (3), variants (base); see {@link BenchVariants}.
 */
public final class ProcessorCpuBench {

  private ProcessorCpuBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<String> variants = List.of((args.length > 2 ? args[2] : "base").split(","));
    KafkaBroker broker = TestStack.kafka();
    String bootstrap = broker.bootstrapServers();
    Path stateRoot = Files.createTempDirectory("processor-cpu-bench");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      BenchLoad.createTopics(admin);
      long started = System.nanoTime();
      long distinct = BenchLoad.publish(bootstrap, events);
      System.out.printf("published %d raw events (%d distinct ids) in %.1f s%n", events, distinct,
          (System.nanoTime() - started) / 1e9);
      BenchRound probe = new BenchRound(admin, bootstrap, events, distinct);
      for (String variant : variants) {
        // The JIT needs a pass of each variant's code before its CPU says anything.
        String appId = "warmup-" + variant;
        System.out.println("warm-up " + variant + ": " + probe.run(appId, settings(bootstrap, stateRoot, appId, variant)));
      }
      Map<String, List<BenchRound.Result>> results = new java.util.LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        for (String variant : variants) {
          String appId = "bench-" + variant + "-" + round;
          BenchRound.Result result = probe.run(appId, settings(bootstrap, stateRoot, appId, variant));
          System.out.println(variant + " round " + round + ": " + result);
          results.computeIfAbsent(variant, v -> new ArrayList<>()).add(result);
        }
      }
      System.out.println();
      results.forEach((variant, list) -> System.out.println(BenchRound.Result.summary(variant, list)));
    } finally {
      broker.close();
    }
  }

  private static BenchRound.Settings settings(String bootstrap, Path stateRoot, String appId, String variant) {
    ProcessorConfig config = new ProcessorConfig(appId, bootstrap, stateRoot.resolve(appId), 1,
        ProcessorConfig.DEFAULT_COMMIT_INTERVAL, ProcessorConfig.DEFAULT_DEDUP_HORIZON, PriceFallback.dearest(), "none");
    Properties properties = config.streamsProperties();
    properties.putAll(BenchVariants.overrides(variant));
    return new BenchRound.Settings(() -> new KafkaStreams(PricingTopology.buildTopology(config), properties));
  }
}
