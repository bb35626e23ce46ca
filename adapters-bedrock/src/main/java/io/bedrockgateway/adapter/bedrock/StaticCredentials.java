package io.bedrockgateway.adapter.bedrock;

import java.util.Objects;

/**
 * A fixed AWS access key pair, for endpoints that need a signature but no real identity (the
 * emulator). Real deployments leave it out and let the SDK's default chain find credentials.
 */
public record StaticCredentials(String accessKeyId, String secretAccessKey) {
  public StaticCredentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
      throw new IllegalArgumentException("static credentials need an access key id and a secret");
    }
  }

  @Override
  public String toString() {
    return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
  }
}
