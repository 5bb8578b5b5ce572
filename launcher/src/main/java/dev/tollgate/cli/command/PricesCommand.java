package dev.tollgate.cli.command;

import dev.tollgate.cli.Settings;
import dev.tollgate.cli.kafka.PriceCatalogTopic;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.json.PriceCatalogJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "prices", description = "Load or list the versioned price catalog.",
    subcommands = {PricesCommand.Load.class, PricesCommand.ListEntries.class})
public final class PricesCommand {

  @Command(name = "load", description = {"Load a price catalog file (JSON array of entries).",
      "The file is all or nothing: if any entry is invalid, every error is listed and nothing is loaded."})
  static final class Load implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    private final Settings settings;

    Load(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() throws Exception {
      PriceCatalogJson.Catalog catalog = PriceCatalogJson.parse(Files.readString(file));
      if (!catalog.errors().isEmpty()) {
        catalog.errors().forEach(e -> System.out.println("invalid " + e));
        System.out.println("loaded 0 price entries: " + catalog.errors().size() + " invalid");
        return 1;
      }
      new PriceCatalogTopic(settings.kafkaBootstrap()).publish(catalog.entries());
      long models = catalog.entries().stream().map(e -> e.getProvider() + "/" + e.getModel()).distinct().count();
      System.out.println("loaded " + catalog.entries().size() + " price entries for " + models + " models");
      return 0;
    }
  }

  @Command(name = "list", description = "Print the price catalog as the processor sees it.")
  static final class ListEntries implements Callable<Integer> {
    private final Settings settings;

    ListEntries(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() {
      List<PriceEntry> entries = new PriceCatalogTopic(settings.kafkaBootstrap()).readAll().stream()
          .sorted(Comparator.comparing(PriceEntry::getProvider).thenComparing(PriceEntry::getModel)
              .thenComparing(PriceEntry::getEffectiveFrom))
          .toList();
      System.out.printf("%-10s %-26s %-12s %10s %10s %10s %10s %6s%n",
          "provider", "model", "from", "input/M", "cached/M", "output/M", "audio/min", "batch%");
      for (PriceEntry e : entries) {
        System.out.printf("%-10s %-26s %-12s %10s %10s %10s %10s %6s%n", e.getProvider(), e.getModel(),
            e.getEffectiveFrom().toString().substring(0, 10), plain(e.getInputPerMtok()),
            plain(e.getCachedInputPerMtok()), plain(e.getOutputPerMtok()), plain(e.getPerAudioMinute()),
            plain(e.getBatchDiscountPct()));
      }
      System.out.println(entries.size() + " entries");
      return 0;
    }

    private static String plain(java.math.BigDecimal d) {
      return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }
  }
}
