package io.bedrockgateway.adapter.http.bedrock;

import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.HttpRefusal;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Locale;

/**
 * Refuses a request signed with AWS credentials (SigV4): the gateway holds the AWS credentials
 * itself, and its callers authenticate with a gateway key sent as a bearer token, which is what the
 * AWS SDKs send when {@code AWS_BEARER_TOKEN_BEDROCK} holds it.
 */
final class SignedRequests {
  private static final String SIGV4 = "aws4-hmac-sha256";

  private SignedRequests() {}

  static void refuse(Context ctx) {
    String authorization = ctx.header(Header.AUTHORIZATION);
    boolean signed =
        authorization != null
            && authorization.strip().toLowerCase(Locale.ROOT).startsWith(SIGV4)
            && ctx.header(GatewayHeaders.X_API_KEY) == null;
    if (signed) {
      // as for any refused key, the body is never read
      ctx.header(Header.CONNECTION, "close");
      throw new HttpRefusal(
          ErrorReply.of(
              401,
              "AWS signature not accepted",
              "This gateway does not accept AWS SigV4-signed requests: it calls Bedrock with its"
                  + " own credentials. Authenticate with a gateway API key sent as a bearer token"
                  + " (set AWS_BEARER_TOKEN_BEDROCK to the key; the AWS SDKs then send"
                  + " 'Authorization: Bearer <key>'), or in the X-API-Key header.",
              ErrorReply.StreamErrorType.CLIENT_ERROR));
    }
  }
}
