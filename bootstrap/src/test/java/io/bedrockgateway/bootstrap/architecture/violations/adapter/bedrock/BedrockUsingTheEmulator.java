package io.bedrockgateway.bootstrap.architecture.violations.adapter.bedrock;

import io.bedrockgateway.bootstrap.architecture.violations.emulator.EmulatorThing;

/** Violates: adapters do not depend on the emulator. */
public class BedrockUsingTheEmulator {
  public EmulatorThing emulator;
}
