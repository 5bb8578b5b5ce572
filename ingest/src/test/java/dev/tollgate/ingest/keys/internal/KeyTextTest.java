package dev.tollgate.ingest.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyTextTest {

  @Test
  void shouldMakeKeysThatCarryTheirIdAndDifferEachTime() {
    // given
    Set<String> keys = new HashSet<>();

    // when
    for (int i = 0; i < 1_000; i++) {
      keys.add(KeyText.newKey());
    }

    // then
    assertThat(keys).hasSize(1_000);
    for (String key : keys) {
      assertThat(key).startsWith("tg_").hasSize(63);
      assertThat(KeyText.keyIdOf(key)).isEqualTo(key.substring(3, 19)).matches("[0-9a-f]{16}");
    }
  }

  @Test
  void shouldRefuseTextsThatAreNotKeys() {
    // given
    String key = KeyText.newKey();

    // when / then
    assertThat(KeyText.keyIdOf(null)).isNull();
    assertThat(KeyText.keyIdOf("")).isNull();
    assertThat(KeyText.keyIdOf(key.substring(1))).as("shortened").isNull();
    assertThat(KeyText.keyIdOf(key + "x")).as("lengthened").isNull();
    assertThat(KeyText.keyIdOf("tk_" + key.substring(3))).as("wrong prefix").isNull();
    assertThat(KeyText.keyIdOf(key.substring(0, 3) + "X" + key.substring(4))).as("upper-case id").isNull();
    assertThat(KeyText.keyIdOf(key.substring(0, 19) + "-" + key.substring(20))).as("no separator").isNull();
    assertThat(KeyText.keyIdOf(key.substring(0, 62) + "!")).as("not base64url").isNull();
  }

  @Test
  void shouldHashTheSameTextToTheSameSha256() {
    // given
    String key = KeyText.newKey();

    // when
    byte[] first = KeyText.hash(key);
    byte[] second = KeyText.hash(key);

    // then
    assertThat(first).hasSize(32).isEqualTo(second);
    assertThat(KeyText.fromHex(KeyText.hex(first))).isEqualTo(first);
    assertThat(KeyText.hash(KeyText.newKey())).isNotEqualTo(first);
  }
}
