package io.bedrockgateway.adapter.bedrock;

import static io.bedrockgateway.adapter.bedrock.TestRequests.settings;

import io.bedrockgateway.application.port.out.UpstreamObserver;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatorSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An emulator and an invoker pointed at it, for one test class: started before its tests, each test
 * seeing only its own recorded requests, closed after them.
 */
final class EmulatedBedrock implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private final UpstreamObserver upstream;
  private BedrockEmulator emulator;
  private BedrockModelInvoker invoker;

  EmulatedBedrock(UpstreamObserver upstream) {
    this.upstream = upstream;
  }

  BedrockEmulator emulator() {
    return emulator;
  }

  BedrockModelInvoker invoker() {
    return invoker;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
    invoker = BedrockModelInvoker.create(settings(emulator.endpoint()), upstream);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    emulator.clearRecordedRequests();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    invoker.close();
    emulator.close();
  }
}
