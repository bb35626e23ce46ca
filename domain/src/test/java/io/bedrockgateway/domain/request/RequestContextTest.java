package io.bedrockgateway.domain.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestContextTest {
  private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

  private static RequestContext labelled(Optional<String> user, Optional<String> session) {
    return new RequestContext(
        RequestId.generate(),
        NOW,
        Optional.empty(),
        Optional.empty(),
        ApiSurface.OPENAI,
        user,
        session);
  }

  @Test
  void aNativeRequestHasNoLabels() {
    RequestContext context =
        new RequestContext(RequestId.generate(), NOW, Optional.empty(), Optional.empty());
    assertThat(context.surface()).isEqualTo(ApiSurface.NATIVE);
    assertThat(context.endUser()).isEmpty();
    assertThat(context.sessionId()).isEmpty();
  }

  @Test
  void labelsAreBounded() {
    assertThat(labelled(Optional.of("u".repeat(256)), Optional.empty()).endUser()).isPresent();
    assertThatThrownBy(() -> labelled(Optional.of("u".repeat(257)), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user");
    assertThatThrownBy(() -> labelled(Optional.empty(), Optional.of("")))
        .hasMessageContaining("session id");
    assertThatThrownBy(() -> labelled(Optional.of("a\nb"), Optional.empty()))
        .hasMessageContaining("control characters");
  }

  @Test
  void anEndUserCanBeAddedOnceTheBodyIsRead() {
    RequestContext context =
        labelled(Optional.empty(), Optional.of("s")).withEndUser(Optional.of("u"));
    assertThat(context.endUser()).contains("u");
    assertThat(context.sessionId()).contains("s");
    assertThat(context.surface()).isEqualTo(ApiSurface.OPENAI);
  }

  @Test
  void surfacesHaveStableWireNames() {
    for (ApiSurface surface : ApiSurface.values()) {
      assertThat(ApiSurface.fromWireName(surface.wireName())).isEqualTo(surface);
    }
    assertThat(ApiSurface.OPENAI.wireName()).isEqualTo("openai");
    assertThatThrownBy(() -> ApiSurface.fromWireName("grpc"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
