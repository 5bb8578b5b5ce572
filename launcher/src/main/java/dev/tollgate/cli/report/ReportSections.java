package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.Adjustment;
import dev.tollgate.analytics.report.DailySpend;
import dev.tollgate.analytics.report.Dimension;
import dev.tollgate.analytics.report.MonthlyReport;
import dev.tollgate.analytics.report.PromptSpend;
import dev.tollgate.analytics.report.Shares;
import dev.tollgate.analytics.report.SpendLine;
import dev.tollgate.analytics.report.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The sections of the spend reports; amounts exact, shares in percent to one decimal. */
public final class ReportSections {
  static final Set<String> NUMERIC = Set.of("requests", "input_tokens", "cached_input_tokens", "output_tokens",
      "spend_usd", "share_pct", "avg_usd_per_request", "calls_usd", "adjustments_usd", "net_usd", "amount_usd",
      "calls", "users", "features", "cached_share_pct", "net_spend_usd", "calls_spend_usd",
      "projected_month_end_calls_usd");
  private static final Map<String, String> NAMES = Map.of("tenant_id", "tenant", "team_id", "team", "user_id", "user");

  private ReportSections() {}

  public static Section totals(MonthlyReport r) {
    Usage c = r.calls();
    List<String> columns = List.of("calls_spend_usd", "adjustments_usd", "net_spend_usd", "requests", "input_tokens",
        "cached_input_tokens", "output_tokens", "avg_usd_per_request", "projected_month_end_calls_usd");
    List<String> row = List.of(plain(c.costUsd()), plain(r.adjustmentsUsd()), plain(r.netUsd()), Long.toString(c.requests()),
        Long.toString(c.inputTokens()), Long.toString(c.cachedInputTokens()), Long.toString(c.outputTokens()),
        r.averageCostPerRequest().map(ReportSections::plain).orElse("-"),
        r.projectedCallsUsd().map(ReportSections::plain).orElse("-"));
    return Section.vertical("totals", "Totals", new Rows(columns, List.of(row)), NUMERIC);
  }

  public static Section breakdown(String name, String title, Dimension dimension, List<SpendLine> lines,
      Optional<String> tenant) {
    return breakdown(name, title, dimension, lines, tenant, lines.size());
  }

  /**
   * The first {@code limit} spend lines of a dimension, with their share of all lines; the tenant
   * column is left out when the report is of one tenant.
   */
  public static Section breakdown(String name, String title, Dimension dimension, List<SpendLine> lines,
      Optional<String> tenant, int limit) {
    BigDecimal total = lines.stream().map(l -> l.usage().costUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
    boolean dropTenant = tenant.isPresent() && dimension.columns().get(0).equals("tenant_id") && dimension.columns().size() > 1;
    List<String> keys = dimension.columns().subList(dropTenant ? 1 : 0, dimension.columns().size());
    List<String> columns = new ArrayList<>(keys.stream().map(c -> NAMES.getOrDefault(c, c)).toList());
    columns.addAll(List.of("requests", "input_tokens", "cached_input_tokens", "output_tokens", "spend_usd", "share_pct",
        "avg_usd_per_request"));
    List<List<String>> rows = new ArrayList<>();
    for (SpendLine l : lines.subList(0, Math.min(limit, lines.size()))) {
      List<String> row = new ArrayList<>(l.key().subList(dropTenant ? 1 : 0, l.key().size()).stream().map(ReportSections::orNone).toList());
      Usage u = l.usage();
      row.addAll(List.of(Long.toString(u.requests()), Long.toString(u.inputTokens()), Long.toString(u.cachedInputTokens()),
          Long.toString(u.outputTokens()), plain(u.costUsd()), Shares.of(u.costUsd(), total).map(BigDecimal::toPlainString).orElse("-"),
          u.requests() == 0 ? "-" : plain(u.costUsd().divide(BigDecimal.valueOf(u.requests()), 12, RoundingMode.HALF_EVEN))));
      rows.add(row);
    }
    return new Section(name, title, new Rows(columns, rows), NUMERIC);
  }

  public static Section adjustments(List<Adjustment> adjustments) {
    List<List<String>> rows = new ArrayList<>();
    for (Adjustment a : adjustments) {
      rows.add(List.of(a.occurredAt().toString(), a.tenantId(), orNone(a.teamId()), a.reason(), a.reference(), plain(a.amountUsd())));
    }
    return new Section("adjustments", "Credits and refunds (adjustments)",
        new Rows(List.of("occurred_at", "tenant", "team", "reason", "reference", "amount_usd"), rows), NUMERIC);
  }

  public static Section daily(List<DailySpend> days) {
    List<List<String>> rows = new ArrayList<>();
    for (DailySpend d : days) {
      rows.add(List.of(d.day().toString(), Long.toString(d.calls().requests()), Long.toString(d.calls().tokens()),
          plain(d.calls().costUsd()), plain(d.adjustmentsUsd()), plain(d.netUsd())));
    }
    return new Section("days", "Daily spend (UTC)",
        new Rows(List.of("day", "requests", "tokens", "calls_usd", "adjustments_usd", "net_usd"), rows), Set.of("requests",
            "tokens", "calls_usd", "adjustments_usd", "net_usd"));
  }

  public static Section prompts(List<PromptSpend> prompts) {
    List<List<String>> rows = new ArrayList<>();
    for (PromptSpend p : prompts) {
      rows.add(List.of(p.promptHash(), Long.toString(p.calls()), Long.toString(p.users()), Long.toString(p.features()),
          Long.toString(p.inputTokens()), Shares.of(BigDecimal.valueOf(p.cachedInputTokens()), BigDecimal.valueOf(p.inputTokens()))
              .map(BigDecimal::toPlainString).orElse("-"),
          Long.toString(p.outputTokens()), plain(p.costUsd())));
    }
    return new Section("prompts", "Prompts by cost (prompt_hash)", new Rows(List.of("prompt_hash", "calls", "users", "features",
        "input_tokens", "cached_share_pct", "output_tokens", "spend_usd"), rows), NUMERIC);
  }

  static String plain(BigDecimal value) {
    return Amounts.exact(value);
  }

  static String orNone(String key) {
    return key == null || key.isEmpty() ? "(none)" : key;
  }
}
