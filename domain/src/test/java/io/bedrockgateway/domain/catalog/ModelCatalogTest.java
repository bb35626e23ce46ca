package io.bedrockgateway.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bedrockgateway.domain.chat.ModelId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
  private static final ModelId SONNET = new ModelId("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
  private static final ModelId HAIKU = new ModelId("us.anthropic.claude-haiku-4-5-20251001-v1:0");
  private static final Region WEST = new Region("us-west-2");

  private final ModelCatalog catalog =
      new ModelCatalog(
          List.of(
              new CatalogEntry(
                  SONNET,
                  List.of("claude"),
                  Set.of(ModelOperation.CHAT),
                  true,
                  Set.of(InputModality.TEXT),
                  Optional.empty(),
                  List.of(new ModelTarget(SONNET, Optional.of(WEST)), ModelTarget.of(HAIKU)))));

  @Test
  void anAliasRoutesToTheModelThenItsFallbacksInOrder() {
    ModelRoute route = catalog.route(new ModelId("claude"));

    assertThat(route.requested()).isEqualTo(new ModelId("claude"));
    assertThat(route.targets())
        .containsExactly(
            ModelTarget.of(SONNET),
            new ModelTarget(SONNET, Optional.of(WEST)),
            ModelTarget.of(HAIKU));
  }

  @Test
  void aBareBaseModelIdFindsTheProfileThatServesIt() {
    assertThat(catalog.find(new ModelId("anthropic.claude-sonnet-4-5-20250929-v1:0")))
        .map(CatalogEntry::id)
        .contains(SONNET);
    assertThat(catalog.find(new ModelId("eu.anthropic.claude-sonnet-4-5-20250929-v1:0"))).isEmpty();
  }

  @Test
  void aModelOutsideTheCatalogueIsCalledAsNamed() {
    ModelId other = new ModelId("amazon.nova-lite-v1:0");

    assertThat(catalog.route(other)).isEqualTo(ModelRoute.direct(other));
  }

  @Test
  void aNameMayNotStandForTwoModels() {
    CatalogEntry haiku =
        new CatalogEntry(
            HAIKU,
            List.of("claude"),
            Set.of(ModelOperation.CHAT),
            true,
            Set.of(InputModality.TEXT),
            Optional.empty(),
            List.of());

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ModelCatalog(List.of(catalog.entries().getFirst(), haiku)))
        .withMessageContaining("claude");
  }
}
