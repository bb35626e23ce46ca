package io.bedrockgateway.example;

import io.bedrockgateway.client.BedrockClientException;
import io.bedrockgateway.client.BedrockGatewayClient;
import io.bedrockgateway.client.BedrockService;
import io.bedrockgateway.client.ChatMessage;
import io.bedrockgateway.client.ChatOptions;
import io.bedrockgateway.client.ClientListener;
import io.bedrockgateway.client.FailureCause;
import io.bedrockgateway.client.Operation;
import io.bedrockgateway.client.StreamEvent;
import io.bedrockgateway.client.StreamResult;
import java.util.List;

/**
 * An application's chat endpoint, reduced to a command: {@code ChatExample <user-id> <question>}.
 * It is configured by the environment ({@code USE_BEDROCK_GATEWAY}, {@code
 * BEDROCK_API_GATEWAY_URL}, {@code BEDROCK_API_GATEWAY_KEY}, {@code GATEWAY_TRAFFIC_PERCENTAGE},
 * {@code AWS_REGION}, ...), routes by the user id, streams the answer to stdout and says which path
 * served it.
 */
public final class ChatExample {
  private ChatExample() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: ChatExample <user-id> <question>");
      System.exit(2);
    }
    ClientListener log =
        new ClientListener() {
          @Override
          public void onFallback(Operation operation, FailureCause cause) {
            System.err.println("gateway failed (" + cause + "): " + operation + " went direct");
          }
        };
    BedrockGatewayClient bedrock;
    try {
      bedrock = BedrockGatewayClient.builder().environment(System.getenv()).listener(log).build();
    } catch (IllegalArgumentException misconfigured) {
      System.err.println(misconfigured.getMessage());
      System.exit(2);
      return;
    }
    try (bedrock) {
      System.exit(ask(bedrock.forRoutingKey(args[0]), args[1]));
    }
  }

  static int ask(BedrockService bedrock, String question) {
    try {
      StreamResult result =
          bedrock.converseStream(
              null,
              List.of(ChatMessage.user(question)),
              "Answer briefly.",
              ChatOptions.DEFAULTS.withMaxTokens(400),
              event -> {
                if (event instanceof StreamEvent.TextDelta delta) {
                  System.out.print(delta.text());
                  System.out.flush();
                }
              });
      System.out.println();
      System.err.println(
          "served by "
              + result.route().path()
              + " ("
              + result.route().reason()
              + ", bucket "
              + result.route().bucket()
              + "), "
              + result.usage().totalTokens()
              + " tokens");
      return 0;
    } catch (BedrockClientException.RateLimited limited) {
      System.err.println(
          "rate limited; try again in "
              + limited.retryAfter().map(d -> d.toSeconds() + " s").orElse("a while"));
      return 1;
    } catch (BedrockClientException failure) {
      System.err.println("failed on the " + failure.path() + " path: " + failure.getMessage());
      return 1;
    }
  }
}
