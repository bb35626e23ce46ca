package io.bedrockgateway.adapter.bedrock;

import static io.bedrockgateway.adapter.bedrock.TestRequests.NOVA_ROUTE;
import static io.bedrockgateway.adapter.bedrock.TestRequests.ask;
import static io.bedrockgateway.adapter.bedrock.TestRequests.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bedrockgateway.domain.health.DependencyHealth;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The probe is up while the credentials resolve, whatever the last call did; the last call's end is
 * told in the detail; and checking never calls Bedrock.
 */
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

      assertThat(List.of(before, afterSuccess, afterFailure))
          .allSatisfy(health -> assertThat(health.up()).isTrue())
          .allSatisfy(health -> assertThat(health.critical()).isFalse());
      assertThat(before.detail()).isEqualTo("credentials resolvable; no call yet");
      assertThat(afterSuccess.detail())
          .startsWith("credentials resolvable; last call succeeded at");
      assertThat(afterFailure.detail())
          .startsWith("credentials resolvable; last call failed at")
          .endsWith("(upstream_throttled)");
      // the two calls above, one attempt each; the three checks sent nothing
      assertThat(emulator.recordedRequests()).hasSize(2);
    }
  }

  /**
   * The tests feed the SDK's default chain through system properties (see the pom); without them,
   * and with the profile files and instance metadata out of its reach, nothing resolves.
   */
  @Test
  void isDownButNotCriticalWhileNoCredentialsResolve() {
    assumeTrue(
        Stream.of(
                "AWS_ACCESS_KEY_ID",
                "AWS_WEB_IDENTITY_TOKEN_FILE",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI")
            .allMatch(name -> System.getenv(name) == null),
        "the environment holds AWS credentials");
    Map<String, String> saved = new HashMap<>();
    Stream.of(
            "aws.accessKeyId",
            "aws.secretAccessKey",
            "aws.sharedCredentialsFile",
            "aws.configFile",
            "aws.disableEc2Metadata")
        .forEach(name -> saved.put(name, System.getProperty(name)));
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.setProperty("aws.sharedCredentialsFile", "/nonexistent/aws/credentials");
    System.setProperty("aws.configFile", "/nonexistent/aws/config");
    System.setProperty("aws.disableEc2Metadata", "true");
    try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
        BedrockModelInvoker invoker =
            BedrockModelInvoker.create(settings(emulator.endpoint()), new RecordingUpstream())) {

      DependencyHealth health = invoker.probe().check();

      assertThat(health.up()).isFalse();
      assertThat(health.critical()).isFalse();
      assertThat(health.detail())
          .startsWith("credentials not resolvable: ")
          .endsWith("; no call yet");
      assertThat(emulator.recordedRequests()).isEmpty();
    } finally {
      saved.forEach(
          (name, value) -> {
            if (value == null) {
              System.clearProperty(name);
            } else {
              System.setProperty(name, value);
            }
          });
    }
  }
}
