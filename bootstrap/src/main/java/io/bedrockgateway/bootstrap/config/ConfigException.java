package io.bedrockgateway.bootstrap.config;

/** Configuration the gateway cannot start with; the message names the variable and the fix. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String variable, String problem) {
    super(variable + " " + problem);
  }
}
