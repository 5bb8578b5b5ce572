package dev.tollgate.bench.alerts;

import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Budget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The budgets a run applies, removed again (tombstones) when it ends so that none outlive it. */
final class RunBudgets implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunBudgets.class);
  private final KafkaProducer<String, Budget> producer;
  private final Set<String> applied = new LinkedHashSet<>();

  RunBudgets(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "alert-bench-budgets");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(p, Topics.BUDGETS.keySerde().serializer(), Topics.BUDGETS.valueSerde().serializer());
  }

  /** Returns once the broker has acknowledged every budget. */
  void apply(List<Budget> budgets) throws ExecutionException, InterruptedException {
    List<Future<?>> sent = new ArrayList<>();
    for (Budget b : budgets) {
      sent.add(producer.send(new ProducerRecord<>(Topics.BUDGETS.name(), b.getBudgetId(), b)));
      applied.add(b.getBudgetId());
    }
    for (Future<?> f : sent) {
      f.get();
    }
  }

  /** A failure is logged, not thrown: it must not hide the run's result or the error that ended it. */
  void removeAll() throws InterruptedException {
    List<Future<?>> sent = new ArrayList<>();
    for (String budgetId : applied) {
      sent.add(producer.send(new ProducerRecord<>(Topics.BUDGETS.name(), budgetId, null)));
    }
    try {
      for (Future<?> f : sent) {
        f.get();
      }
      applied.clear();
    } catch (ExecutionException e) {
      LOG.warn("could not remove the {} budgets of this run ({}); ./tollgate budgets rm removes them", applied.size(),
          e.getCause().getMessage());
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
