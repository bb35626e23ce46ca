package io.bedrockgateway.bootstrap.architecture.violations.adapter.http;

import io.bedrockgateway.bootstrap.architecture.violations.adapter.bedrock.BedrockThing;
import io.bedrockgateway.bootstrap.architecture.violations.application.service.ServiceUsingAnAdapter;

/** Violates: adapters use ports only, and never call each other; AWS SDK outside its adapter. */
public class HttpCallingServices {
  public ServiceUsingAnAdapter service;
  public BedrockThing bedrock;
  public software.amazon.awssdk.regions.Region region;
  public com.google.inject.Injector injector;
}
