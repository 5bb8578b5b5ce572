package dev.tollgate.analytics.reprice;

import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A short digest of the prices of a catalog, for the audit: two runs with the same fingerprint priced
 * with the same figures. Independent of the order of the entries and of where a figure comes from.
 */
public final class CatalogFingerprint {
  private CatalogFingerprint() {}

  public static String of(List<PriceEntry> entries) {
    List<String> lines = new ArrayList<>();
    for (PriceEntry e : entries) {
      lines.add(String.join("|", e.getProvider(), e.getModel(), Long.toString(e.getEffectiveFrom().toEpochMilli()),
          plain(e.getInputPerMtok()), plain(e.getOutputPerMtok()), plain(e.getCachedInputPerMtok()),
          plain(e.getPerAudioMinute()), plain(e.getBatchDiscountPct())));
    }
    lines.sort(null);
    MessageDigest digest = sha256();
    for (String line : lines) {
      digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return entries.size() + " entries, sha256 " + HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  private static String plain(BigDecimal value) {
    return value == null ? "-" : value.stripTrailingZeros().toPlainString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
