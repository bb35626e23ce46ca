package io.bedrockgateway.emulator;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which model a request is for and, when it is SigV4-signed, for which region: the region is the
 * third part of the signature's credential scope.
 */
record RequestOrigin(String modelId, Optional<String> region) {
  private static final Pattern CREDENTIAL_SCOPE =
      Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/bedrock/aws4_request");

  static RequestOrigin of(Context ctx) {
    String authorization = ctx.header("Authorization");
    Optional<String> region =
        Optional.ofNullable(authorization)
            .map(CREDENTIAL_SCOPE::matcher)
            .filter(Matcher::find)
            .map(matcher -> matcher.group(1));
    return new RequestOrigin(ModelPath.modelId(ctx.path()), region);
  }
}
