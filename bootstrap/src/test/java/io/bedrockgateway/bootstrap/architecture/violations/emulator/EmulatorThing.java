package io.bedrockgateway.bootstrap.architecture.violations.emulator;

/** A class of the emulator, for an adapter to lean on. */
public class EmulatorThing {}
