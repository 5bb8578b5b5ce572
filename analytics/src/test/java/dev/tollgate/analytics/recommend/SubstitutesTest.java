package dev.tollgate.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.json.PriceCatalogJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubstitutesTest {
  private static final Path DEPLOY = Path.of("..", "deploy", "prices");

  @Test
  void shouldReadTheSubstitutesOfEachModelInOrder() {
    // given
    String json = """
        [{"provider": "openai", "model": "gpt-5", "substitutes": ["gpt-5-mini", "gpt-5-nano"], "note": "smaller tiers"}]""";

    // when
    Substitutes substitutes = Substitutes.parse(json);

    // then
    assertThat(substitutes.of("openai", "gpt-5")).containsExactly("gpt-5-mini", "gpt-5-nano");
    assertThat(substitutes.of("openai", "gpt-5-mini")).isEmpty();
    assertThat(substitutes.of("anthropic", "gpt-5")).isEmpty();
  }

  @Test
  void shouldNameTheEntryAndFieldOfAMistake() {
    // when / then
    assertThatThrownBy(() -> Substitutes.parse("{}")).hasMessageContaining("must be a JSON array");
    assertThatThrownBy(() -> Substitutes.parse("[{\"provider\": \"openai\", \"substitutes\": [\"a\"]}]"))
        .hasMessage("substitutes entry 0: model must be a non-empty string");
    assertThatThrownBy(() -> Substitutes.parse("[{\"provider\": \"openai\", \"model\": \"a\", \"substitutes\": []}]"))
        .hasMessage("substitutes entry 0: substitutes must be a non-empty array of model names");
    assertThatThrownBy(() -> Substitutes.parse("[{\"provider\": \"openai\", \"model\": \"a\", \"substitutes\": [\"a\"]}]"))
        .hasMessage("substitutes entry 0: a cannot substitute itself");
    assertThatThrownBy(() -> Substitutes.parse("[{\"provider\": \"o\", \"model\": \"a\", \"substitutes\": [\"b\"]},"
        + " {\"provider\": \"o\", \"model\": \"a\", \"substitutes\": [\"c\"]}]"))
        .hasMessage("substitutes entry 1: o/a is listed twice");
  }

  @Test
  void shouldShipSubstitutesThatTheShippedCatalogPricesCheaper() throws Exception {
    // given
    Substitutes shipped = Substitutes.parse(Files.readString(DEPLOY.resolve("substitutes.json")));
    List<PriceEntry> catalog = PriceCatalogJson.parse(Files.readString(DEPLOY.resolve("catalog.json"))).entries();
    Set<String> priced = catalog.stream().map(e -> Substitutes.key(e.getProvider(), e.getModel())).collect(Collectors.toSet());

    // when / then every model and substitute is in the catalog, and every substitute is cheaper for input and output
    assertThat(shipped.byModel()).isNotEmpty();
    shipped.byModel().forEach((key, models) -> {
      String provider = key.substring(0, key.indexOf('|'));
      assertThat(priced).contains(key);
      PriceEntry dear = newest(catalog, key);
      for (String model : models) {
        PriceEntry cheap = newest(catalog, Substitutes.key(provider, model));
        assertThat(cheap.getInputPerMtok()).as(model + " for " + key).isLessThan(dear.getInputPerMtok());
        assertThat(cheap.getOutputPerMtok()).as(model + " for " + key).isLessThan(dear.getOutputPerMtok());
      }
    });
  }

  private static PriceEntry newest(List<PriceEntry> catalog, String key) {
    return catalog.stream().filter(e -> Substitutes.key(e.getProvider(), e.getModel()).equals(key))
        .max((a, b) -> a.getEffectiveFrom().compareTo(b.getEffectiveFrom()))
        .orElseThrow(() -> new AssertionError(key + " is not in the shipped catalog"));
  }
}
