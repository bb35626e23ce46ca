package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** restJson1 errors: status, x-amzn-ErrorType, {"message"} body, x-amzn-RequestId. */
class ErrorResponseTest {

  private static final String NAMESPACE = ":http://internal.amazon.com/coral/com.amazon.bedrock/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static BedrockEmulator emulator;

  @BeforeAll
  static void startEmulator() {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "[emulator:throttle],      converse,        429, ThrottlingException",
    "[emulator:throttle],      converse-stream, 429, ThrottlingException",
    "[emulator:error=500],     converse,        500, InternalServerException",
    "[emulator:error=500],     converse-stream, 500, InternalServerException",
    "[emulator:unavailable],   converse-stream, 503, ServiceUnavailableException",
    "[emulator:model-timeout], converse-stream, 408, ModelTimeoutException",
    "[emulator:error=403],     converse,        403, AccessDeniedException",
    "[emulator:error=424],     converse,        424, ModelErrorException",
  })
  void injectedErrorsAreRestJson1Errors(
      String directive, String operation, int status, String errorType) throws Exception {
    HttpResponse<byte[]> response =
        RawHttp.post(
            emulator.endpoint(),
            "/model/amazon.nova-lite-v1%3A0/" + operation,
            ConverseBodies.userSays("Hello " + directive));

    assertRestJson1Error(response, status, errorType);
  }

  @Test
  void unknownRoutesAreUnknownOperationErrors() throws Exception {
    HttpResponse<byte[]> response =
        RawHttp.post(emulator.endpoint(), "/model/amazon.nova-lite-v1%3A0/summon", "{}");

    assertRestJson1Error(response, 404, "UnknownOperationException");
  }

  @Test
  void everyResponseHasItsOwnRequestId() {
    String body = ConverseBodies.userSays("Hello");
    String path = "/model/amazon.nova-lite-v1%3A0/converse";

    String first =
        RawHttp.post(emulator.endpoint(), path, body)
            .headers()
            .firstValue("x-amzn-RequestId")
            .orElseThrow();
    String second =
        RawHttp.post(emulator.endpoint(), path, body)
            .headers()
            .firstValue("x-amzn-RequestId")
            .orElseThrow();

    assertThat(first).isNotEqualTo(second);
    assertThat(List.of(first, second))
        .allMatch(id -> id.matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          string content        | {"messages":[{"role":"user","content":"hi"}]}                                     | Provide a list
          null toolConfig       | {"messages":[{"role":"user","content":[{"text":"hi"}]}],"toolConfig":null}        | Value null at 'toolConfig'
          empty tools           | {"messages":[{"role":"user","content":[{"text":"hi"}]}],"toolConfig":{"tools":[]}} | 'toolConfig.tools' failed to satisfy constraint
          system role           | {"messages":[{"role":"system","content":[{"text":"hi"}]}]}                        | Value 'system' at 'messages.1.member.role'
          no messages           | {"system":[{"text":"be brief"}]}                                                   | Value null at 'messages'
          empty messages        | {"messages":[]}                                                                    | 'messages' failed to satisfy constraint
          empty content         | {"messages":[{"role":"user","content":[]}]}                                        | The content field in the Message object at messages.0 is empty
          blank text            | {"messages":[{"role":"user","content":[{"text":"  "}]}]}                           | The text field in the ContentBlock object at messages.0.content.0 is blank
          assistant first       | {"messages":[{"role":"assistant","content":[{"text":"hi"}]}]}                     | A conversation must start with a user message
          same role twice       | {"messages":[{"role":"user","content":[{"text":"a"}]},{"role":"user","content":[{"text":"b"}]}]} | must alternate between user and assistant roles
          maxTokens zero        | {"messages":[{"role":"user","content":[{"text":"hi"}]}],"inferenceConfig":{"maxTokens":0}} | Value '0' at 'inferenceConfig.maxTokens'
          temperature above one | {"messages":[{"role":"user","content":[{"text":"hi"}]}],"inferenceConfig":{"temperature":1.5}} | Value '1.5' at 'inferenceConfig.temperature'
          negative topP         | {"messages":[{"role":"user","content":[{"text":"hi"}]}],"inferenceConfig":{"topP":-0.1}} | Value '-0.1' at 'inferenceConfig.topP'
          five stop sequences   | {"messages":[{"role":"user","content":[{"text":"hi"}]}],"inferenceConfig":{"stopSequences":["a","b","c","d","e"]}} | less than or equal to 4
          malformed JSON        | {"messages":[                                                                      | Malformed input request
          unknown directive     | {"messages":[{"role":"user","content":[{"text":"hi [emulator:explode]"}]}]}        | Invalid emulator directive [emulator:explode]
          bad directive value   | {"messages":[{"role":"user","content":[{"text":"hi [emulator:tokens=many]"}]}]}    | Invalid emulator directive [emulator:tokens=many]
          two faults            | {"messages":[{"role":"user","content":[{"text":"[emulator:throttle] [emulator:unavailable]"}]}]} | at most one fault directive
          """)
  void invalidRequestsAreValidationExceptions(String problem, String body, String messagePart)
      throws Exception {
    for (String operation : List.of("converse", "converse-stream")) {
      HttpResponse<byte[]> response =
          RawHttp.post(emulator.endpoint(), "/model/amazon.nova-lite-v1%3A0/" + operation, body);

      JsonNode error = assertRestJson1Error(response, 400, "ValidationException");
      assertThat(error.path("message").asText()).as(operation).contains(messagePart);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          system blocks          | {"system":[{"text":"be brief"}],"messages":[{"role":"user","content":[{"text":"hi"}]}]}
          a whole conversation   | {"messages":[{"role":"user","content":[{"text":"a"}]},{"role":"assistant","content":[{"text":"b"}]},{"role":"user","content":[{"text":"c"}]}]}
          an image block         | {"messages":[{"role":"user","content":[{"text":"hi"},{"image":{"format":"png","source":{"bytes":"UE5HREFUQQ=="}}}]}]}
          full inference config  | {"messages":[{"role":"user","content":[{"text":"hi"}]}],"inferenceConfig":{"maxTokens":100,"temperature":0.5,"topP":1,"stopSequences":["STOP"]}}
          tools                  | {"messages":[{"role":"user","content":[{"text":"hi"}]}],"toolConfig":{"tools":[{"toolSpec":{"name":"w","inputSchema":{"json":{"type":"object"}}}}]}}
          """)
  void validRequestsAreAnswered(String shape, String body) {
    HttpResponse<byte[]> response =
        RawHttp.post(emulator.endpoint(), "/model/amazon.nova-lite-v1%3A0/converse", body);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static JsonNode assertRestJson1Error(
      HttpResponse<byte[]> response, int status, String errorType) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType + NAMESPACE);
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    JsonNode body = MAPPER.readTree(response.body());
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("message");
    assertThat(body.path("message").asText()).isNotBlank();
    return body;
  }
}
