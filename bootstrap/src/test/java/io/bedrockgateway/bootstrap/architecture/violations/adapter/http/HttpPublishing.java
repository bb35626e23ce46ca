package io.bedrockgateway.bootstrap.architecture.violations.adapter.http;

/** Violates: Reactive Streams outside the Bedrock adapter. */
public class HttpPublishing {
  public org.reactivestreams.Publisher<String> publisher;
}
