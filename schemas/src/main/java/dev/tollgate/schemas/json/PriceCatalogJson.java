package dev.tollgate.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.validation.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads a price catalog file: a JSON array of entries (DESIGN.md, "Price catalog"). */
public final class PriceCatalogJson {
  public static final int PRICE_SCALE = 12;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PriceCatalogJson() {}

  /** An entry that could not be read, by its position in the array. */
  public record EntryError(int index, Violation violation) {
    @Override
    public String toString() {
      return "entry " + index + ": " + violation;
    }
  }

  /** The entries read, and the errors of those that could not be. */
  public record Catalog(List<PriceEntry> entries, List<EntryError> errors) {}

  public static Catalog parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return new Catalog(List.of(), List.of(new EntryError(-1,
          new Violation(Violation.WHOLE_RECORD, "is not valid JSON: " + e.getOriginalMessage()))));
    }
    if (root == null || !root.isArray()) {
      return new Catalog(List.of(), List.of(new EntryError(-1,
          new Violation(Violation.WHOLE_RECORD, "must be a JSON array of price entries"))));
    }
    List<PriceEntry> entries = new ArrayList<>();
    List<EntryError> errors = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      try {
        entries.add(read(root.get(i)));
      } catch (InvalidFieldException e) {
        errors.add(new EntryError(i, e.violation()));
      }
    }
    return new Catalog(List.copyOf(entries), List.copyOf(errors));
  }

  private static PriceEntry read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidFieldException(Violation.WHOLE_RECORD, "must be a JSON object");
    }
    FieldReader f = new FieldReader(node);
    String provider = name(f, "provider");
    String model = name(f, "model");
    Instant from = f.requiredDateOrInstant("effective_from");
    if (from.isBefore(Instant.EPOCH)) {
      throw new InvalidFieldException("effective_from", "must not be before 1970-01-01");
    }
    BigDecimal discount = nonNegative("batch_discount_pct", f.optionalDecimal("batch_discount_pct", PRICE_SCALE));
    if (discount != null && discount.compareTo(HUNDRED) > 0) {
      throw new InvalidFieldException("batch_discount_pct", "must be between 0 and 100, got " + discount.stripTrailingZeros().toPlainString());
    }
    return PriceEntry.newBuilder()
        .setProvider(provider)
        .setModel(model)
        .setEffectiveFrom(from)
        .setInputPerMtok(nonNegative("input_per_mtok", f.requiredDecimal("input_per_mtok", PRICE_SCALE)))
        .setOutputPerMtok(nonNegative("output_per_mtok", f.requiredDecimal("output_per_mtok", PRICE_SCALE)))
        .setCachedInputPerMtok(nonNegative("cached_input_per_mtok", f.optionalDecimal("cached_input_per_mtok", PRICE_SCALE)))
        .setPerAudioMinute(nonNegative("per_audio_minute", f.optionalDecimal("per_audio_minute", PRICE_SCALE)))
        .setBatchDiscountPct(discount)
        .setSource(f.optionalText("source"))
        .setCheckedOn(f.optionalText("checked_on"))
        .build();
  }

  private static String name(FieldReader f, String field) {
    String value = f.requiredText(field);
    if (value.indexOf(PriceKeys.SEP) >= 0) {
      throw new InvalidFieldException(field, "must not contain '" + PriceKeys.SEP + "'");
    }
    return value;
  }

  private static BigDecimal nonNegative(String field, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw new InvalidFieldException(field, "must be ≥ 0, got " + value.stripTrailingZeros().toPlainString());
    }
    return value;
  }
}
