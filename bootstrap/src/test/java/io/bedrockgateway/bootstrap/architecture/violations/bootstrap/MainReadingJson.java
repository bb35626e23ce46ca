package io.bedrockgateway.bootstrap.architecture.violations.bootstrap;

/** Violates: Jackson in bootstrap outside its configuration reading (bootstrap.config). */
public class MainReadingJson {
  public com.fasterxml.jackson.databind.ObjectMapper mapper;
}
