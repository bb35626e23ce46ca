package io.bedrockgateway.domain.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdTest {

  @Test
  void keepsAWellFormedClientId() {
    assertThat(RequestId.acceptOrGenerate("trace-42.a:b").value()).isEqualTo("trace-42.a:b");
  }

  @Test
  void replacesAMissingOrMalformedId() {
    assertThat(RequestId.acceptOrGenerate(null).value()).hasSize(36);
    assertThat(RequestId.acceptOrGenerate("bad id\r\nX-Injected: 1").value())
        .doesNotContain("Injected");
    assertThat(RequestId.acceptOrGenerate("x".repeat(129)).value()).hasSize(36);
  }
}
