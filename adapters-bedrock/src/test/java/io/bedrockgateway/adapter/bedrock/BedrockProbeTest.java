package io.bedrockgateway.adapter.bedrock;

import static io.bedrockgateway.adapter.bedrock.TestRequests.NOVA_ROUTE;
import static io.bedrockgateway.adapter.bedrock.TestRequests.ask;
import static io.bedrockgateway.adapter.bedrock.TestRequests.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bedrockgateway.domain.health.DependencyHealth;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import org.junit.jupiter.api.Test;

class BedrockProbeTest {

  @Test
  void reportsResolvableCredentialsAndHowTheLastCallEndedWithoutACallOfItsOwn() {
    try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
        BedrockModelInvoker invoker =
            BedrockModelInvoker.create(settings(emulator.endpoint()), new RecordingUpstream())) {
      BedrockProbe probe = invoker.probe();

      DependencyHealth before = probe.check();
      invoker.converse(NOVA_ROUTE, ask("Hi"));
      DependencyHealth afterSuccess = probe.check();
      catchThrowable(() -> invoker.converse(NOVA_ROUTE, ask("[emulator:throttle]")));
      DependencyHealth afterFailure = probe.check();

      assertThat(before.up()).isTrue();
      assertThat(before.critical()).isFalse();
      assertThat(before.detail()).isEqualTo("credentials resolvable; no call yet");
      assertThat(afterSuccess.detail()).contains("last call succeeded at");
      assertThat(afterFailure.detail()).contains("last call failed at").contains("throttled");
      assertThat(emulator.recordedRequests()).hasSizeGreaterThanOrEqualTo(2);
    }
  }
}
