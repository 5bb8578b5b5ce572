package dev.tollgate.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.validation.Violation;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads and writes budget files: a JSON array of budgets (DESIGN.md, "Budget"). */
public final class BudgetJson {
  public static final int MONEY_SCALE = 12;
  public static final List<BigDecimal> DEFAULT_THRESHOLDS = List.of(pct(50), pct(75), pct(90), pct(100));
  public static final Set<String> PERIODS = Set.of("day", "week", "month");
  public static final Set<String> ENFORCEMENTS = Set.of("soft", "hard");
  /** Separates the parts of the keys built from ids; so no id may contain it. */
  public static final char ID_SEP = '|';
  private static final int MAX_ID_LENGTH = 128;
  private static final BigDecimal MAX_THRESHOLD_PCT = pct(1000);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BudgetJson() {}

  /** A budget that could not be read, by its position in the array. */
  public record EntryError(int index, Violation violation) {
    @Override
    public String toString() {
      return "budget " + index + ": " + violation;
    }
  }

  /** The budgets read, and the errors of those that could not be. */
  public record Budgets(List<Budget> budgets, List<EntryError> errors) {}

  public static Budgets parse(String json, Instant appliedAt) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return failed(new Violation(Violation.WHOLE_RECORD, "is not valid JSON: " + e.getOriginalMessage()));
    }
    if (root == null || !root.isArray()) {
      return failed(new Violation(Violation.WHOLE_RECORD, "must be a JSON array of budgets"));
    }
    List<Budget> budgets = new ArrayList<>();
    List<EntryError> errors = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < root.size(); i++) {
      try {
        Budget budget = read(root.get(i), appliedAt);
        if (!ids.add(budget.getBudgetId())) {
          throw new InvalidFieldException("budget_id", "appears twice in the file: " + budget.getBudgetId());
        }
        budgets.add(budget);
      } catch (InvalidFieldException e) {
        errors.add(new EntryError(i, e.violation()));
      }
    }
    return new Budgets(List.copyOf(budgets), List.copyOf(errors));
  }

  private static Budgets failed(Violation violation) {
    return new Budgets(List.of(), List.of(new EntryError(-1, violation)));
  }

  private static Budget read(JsonNode node, Instant appliedAt) {
    if (node == null || !node.isObject()) {
      throw new InvalidFieldException(Violation.WHOLE_RECORD, "must be a JSON object");
    }
    FieldReader f = new FieldReader(node);
    String budgetId = id(f, "budget_id", true);
    BigDecimal limit = f.requiredDecimal("limit_usd", MONEY_SCALE);
    if (limit.signum() <= 0) {
      throw new InvalidFieldException("limit_usd", "must be > 0, got " + plain(limit));
    }
    return Budget.newBuilder()
        .setBudgetId(budgetId)
        .setScope(scope(f))
        .setPeriod(oneOf(f, "period", PERIODS, null))
        .setTimezone(zone(f))
        .setLimitUsd(limit)
        .setThresholdsPct(ascendingPositive(f, "thresholds", DEFAULT_THRESHOLDS, MAX_THRESHOLD_PCT))
        .setThresholdAmountsUsd(ascendingPositive(f, "threshold_amounts_usd", List.of(), null))
        .setEnforcement(oneOf(f, "enforcement", ENFORCEMENTS, "soft"))
        .setDegradeToModel(f.optionalText("degrade_to_model"))
        .setAppliedAt(appliedAt)
        .build();
  }

  private static BudgetScope scope(FieldReader budget) {
    FieldReader f = budget.requiredObject("scope");
    try {
      return BudgetScope.newBuilder()
          .setTenantId(id(f, "tenant_id", true))
          .setTeamId(id(f, "team_id", false))
          .setUserId(id(f, "user_id", false))
          .setFeature(id(f, "feature", false))
          .build();
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException("scope." + e.violation().field(), e.violation().reason());
    }
  }

  private static String id(FieldReader f, String field, boolean required) {
    String value = required ? f.requiredText(field) : f.optionalText(field);
    if (value == null) {
      return null;
    }
    if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
      throw new InvalidFieldException(field, "must be 1 to " + MAX_ID_LENGTH + " characters");
    }
    if (value.indexOf(ID_SEP) >= 0) {
      throw new InvalidFieldException(field, "must not contain '" + ID_SEP + "'");
    }
    return value;
  }

  private static String oneOf(FieldReader f, String field, Set<String> allowed, String absent) {
    String value = absent == null ? f.requiredText(field) : f.optionalText(field);
    if (value == null) {
      return absent;
    }
    if (!allowed.contains(value)) {
      throw new InvalidFieldException(field, "must be one of " + new TreeSet<>(allowed) + ", got \"" + value + "\"");
    }
    return value;
  }

  private static String zone(FieldReader f) {
    String value = f.optionalText("timezone");
    if (value == null) {
      return "UTC";
    }
    try {
      return ZoneId.of(value).getId();
    } catch (DateTimeException e) {
      throw new InvalidFieldException("timezone", "must be an IANA time zone such as Europe/Berlin, got \"" + value + "\"");
    }
  }

  private static List<BigDecimal> ascendingPositive(FieldReader f, String field, List<BigDecimal> absent, BigDecimal max) {
    TreeSet<BigDecimal> values = new TreeSet<>();
    for (BigDecimal value : f.optionalDecimalList(field, MONEY_SCALE, absent)) {
      if (value.signum() <= 0 || (max != null && value.compareTo(max) > 0)) {
        throw new InvalidFieldException(field, "values must be > 0" + (max == null ? "" : " and ≤ " + plain(max))
            + ", got " + plain(value));
      }
      values.add(value);
    }
    return List.copyOf(values);
  }

  /** The file form of a budget, as {@code budgets apply} reads it. */
  public static ObjectNode toJson(Budget budget) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("budget_id", budget.getBudgetId());
    ObjectNode scope = node.putObject("scope");
    BudgetScope s = budget.getScope();
    scope.put("tenant_id", s.getTenantId());
    putIfSet(scope, "team_id", s.getTeamId());
    putIfSet(scope, "user_id", s.getUserId());
    putIfSet(scope, "feature", s.getFeature());
    node.put("period", budget.getPeriod());
    node.put("timezone", budget.getTimezone());
    node.put("limit_usd", plain(budget.getLimitUsd()));
    ArrayNode thresholds = node.putArray("thresholds");
    budget.getThresholdsPct().forEach(t -> thresholds.add(new BigDecimal(plain(t))));
    ArrayNode amounts = node.putArray("threshold_amounts_usd");
    budget.getThresholdAmountsUsd().forEach(a -> amounts.add(plain(a)));
    node.put("enforcement", budget.getEnforcement());
    putIfSet(node, "degrade_to_model", budget.getDegradeToModel());
    return node;
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal pct(int value) {
    return BigDecimal.valueOf(value).setScale(MONEY_SCALE);
  }
}
