package dev.tollgate.ingest.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The text of an API key, {@code tg_<key id>_<secret>}: a 16-hex-digit key id (64 random bits, so that
 * a key can be found and revoked by a name that is safe to print) and a secret of 256 random bits in
 * base64url. Neither part says anything about the tenant. Only the SHA-256 of the whole text is
 * stored: with 256 random bits a fast hash is as safe as a slow one, and it keeps checks in microseconds.
 */
public final class KeyText {
  public static final String PREFIX = "tg_";
  public static final String HASH_ALGORITHM = "sha-256";
  public static final int ID_LENGTH = 16;
  private static final int ID_BYTES = ID_LENGTH / 2;
  private static final int SECRET_BYTES = 32;
  private static final int SECRET_LENGTH = 43;
  private static final int LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private KeyText() {}

  public static String newKey() {
    byte[] id = new byte[ID_BYTES];
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    return PREFIX + HEX.formatHex(id) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The key id inside a key text, or null when the text is not a key of this form. */
  public static String keyIdOf(String text) {
    if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX) || text.charAt(LENGTH - SECRET_LENGTH - 1) != '_') {
      return null;
    }
    String id = text.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
    if (!isKeyId(id)) {
      return null;
    }
    for (int i = LENGTH - SECRET_LENGTH; i < LENGTH; i++) {
      if (!isBase64Url(text.charAt(i))) {
        return null;
      }
    }
    return id;
  }

  public static boolean isKeyId(String id) {
    if (id == null || id.length() != ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  public static byte[] hash(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  public static byte[] fromHex(String hex) {
    return HEX.parseHex(hex);
  }

  private static boolean isBase64Url(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
  }
}
