package dev.tollgate.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.report.TextTable;
import dev.tollgate.ingest.keys.ApiKeyAdmin;
import dev.tollgate.ingest.keys.IssuedKey;
import dev.tollgate.schemas.avro.ApiKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Create, list or revoke the API keys of the HTTP gateway (one tenant per key; only a hash is stored).",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand {
  static final int KAFKA_FAILED = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Command(name = "create", mixinStandardHelpOptions = true, description = {
      "Create an API key for a tenant and print it. The key is shown this once: Tollgate keeps only its SHA-256.",
      "Send it as 'Authorization: Bearer KEY'; it may send events of its tenant only."})
  static final class Create implements Callable<Integer> {
    @Option(names = "--tenant", required = true, paramLabel = "TENANT", description = "The tenant_id whose events the key may send.")
    String tenant;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the key is for, shown by keys list.")
    String description;

    @Option(names = "--json", description = "Print one JSON object: key_id, tenant_id, key, created_at.")
    boolean json;

    private final Settings settings;

    Create(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() {
      IssuedKey key;
      try {
        key = new ApiKeyAdmin(settings.kafkaBootstrap()).create(tenant, description);
      } catch (IllegalArgumentException e) {
        System.err.println("no key created: " + e.getMessage());
        return 1;
      } catch (Exception e) {
        return kafkaFailed(settings, "no key created", e);
      }
      if (json) {
        ObjectNode n = JSON.createObjectNode();
        n.put("key_id", key.keyId());
        n.put("tenant_id", key.tenantId());
        n.put("key", key.key());
        n.put("created_at", key.createdAt().toString());
        System.out.println(n);
        return 0;
      }
      System.out.println("key_id  " + key.keyId());
      System.out.println("tenant  " + key.tenantId());
      System.out.println("key     " + key.key());
      System.out.println();
      System.out.println("Store the key now: it is not shown again. Use it as:");
      System.out.println("  curl -H 'Authorization: Bearer " + key.key() + "' http://127.0.0.1:8080/v1/budgets/status");
      System.out.println("Revoke it with ./tollgate keys revoke " + key.keyId());
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the keys: id, tenant, when created and revoked, description. Never the keys themselves.")
  static final class ListKeys implements Callable<Integer> {
    @Option(names = "--tenant", paramLabel = "TENANT", description = "Only this tenant's keys.")
    String tenant;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    private final Settings settings;

    ListKeys(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() {
      List<ApiKey> keys;
      try {
        keys = new ApiKeyAdmin(settings.kafkaBootstrap()).list().stream()
            .filter(k -> tenant == null || tenant.equals(k.getTenantId())).toList();
      } catch (Exception e) {
        return kafkaFailed(settings, "cannot list the keys", e);
      }
      if (json) {
        keys.forEach(k -> System.out.println(jsonLine(k)));
        return 0;
      }
      if (keys.isEmpty()) {
        System.out.println("no keys" + (tenant == null ? "" : " of tenant " + tenant) + "; ./tollgate keys create --tenant T makes one");
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (ApiKey k : keys) {
        rows.add(List.of(k.getKeyId(), k.getTenantId(), k.getCreatedAt().toString(), time(k.getRevokedAt()),
            k.getDescription() == null ? "" : k.getDescription()));
      }
      long active = keys.stream().filter(k -> k.getRevokedAt() == null).count();
      TextTable.print(System.out, "API keys (" + keys.size() + ", " + active + " active)",
          new Rows(List.of("key_id", "tenant", "created", "revoked", "description"), rows), Set.of());
      return 0;
    }

    private static String jsonLine(ApiKey k) {
      ObjectNode n = JSON.createObjectNode();
      n.put("key_id", k.getKeyId());
      n.put("tenant_id", k.getTenantId());
      n.put("description", k.getDescription());
      n.put("created_at", k.getCreatedAt().toString());
      n.put("revoked_at", k.getRevokedAt() == null ? null : k.getRevokedAt().toString());
      return n.toString();
    }

    private static String time(Instant instant) {
      return instant == null ? "-" : instant.toString();
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a key, named by its key_id (or given whole). Gateways refuse it within a second.")
  static final class Revoke implements Callable<Integer> {
    @Parameters(paramLabel = "KEY_ID", description = "The key_id that keys create and keys list print.")
    String keyId;

    private final Settings settings;

    Revoke(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() {
      Optional<ApiKey> revoked;
      try {
        revoked = new ApiKeyAdmin(settings.kafkaBootstrap()).revoke(keyId);
      } catch (Exception e) {
        return kafkaFailed(settings, "key " + keyId + " was not revoked", e);
      }
      if (revoked.isEmpty()) {
        System.out.println("no key " + keyId + "; ./tollgate keys list shows the keys");
        return 1;
      }
      ApiKey k = revoked.get();
      System.out.println("revoked key " + k.getKeyId() + " of tenant " + k.getTenantId() + " (at " + k.getRevokedAt() + ")");
      return 0;
    }
  }

  private static int kafkaFailed(Settings settings, String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    System.err.println(what + ": Kafka at " + settings.kafkaBootstrap() + ": " + e.getMessage()
        + " (./tollgate status shows whether the stack is up)");
    return KAFKA_FAILED;
  }
}
