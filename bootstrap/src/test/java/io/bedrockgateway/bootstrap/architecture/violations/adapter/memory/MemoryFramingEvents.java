package io.bedrockgateway.bootstrap.architecture.violations.adapter.memory;

/** Violates: the AWS event-stream codec outside the HTTP and Bedrock adapters and the emulator. */
public class MemoryFramingEvents {
  public software.amazon.awssdk.eventstream.Message frame;
}
