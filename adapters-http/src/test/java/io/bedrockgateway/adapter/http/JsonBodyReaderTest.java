package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.adapter.http.common.GatewayJson;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.nativeapi.ConverseRequestJson;
import io.bedrockgateway.adapter.http.nativeapi.EmbeddingJson;
import io.bedrockgateway.domain.error.InvalidRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What no field of any body may hold, refused while reading and named; no HTTP involved. */
class JsonBodyReaderTest {
  private static final String HELLO = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
  private final JsonBodyReader reader =
      new JsonBodyReader(
          GatewayJson.newMapper(),
          HttpLimits.DEFAULTS.withMaxRequestBytes(1 << 20),
          HttpTimeouts.DEFAULTS);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          null                                          | the request body must be a single JSON object, not null
          [{}]                                          | the request body must be a single JSON object
          1e400                                         | body: the number is out of range
          {"temperature": 1e400}                        | temperature: the number is out of range
          {"top_p": -1e400}                             | top_p: the number is out of range
          {"temperature": 1e-400}                       | temperature: the number is out of range
          {"max_tokens": 1e400}                         | max_tokens: the number is out of range
          {"additional_model_request_fields": {"x": 1e400}} | additional_model_request_fields.x: the number is out of range
          {"unknown": [0, {"deep": 0e999999999}]}       | unknown[1].deep: the number is out of range
          {"top_p": 1e-4001227736807557598209595627194100} | top_p: the number is out of range
          {"temperature": "NaN"}                        | temperature: must be a number
          {"temperature": "Infinity"}                   | temperature: must be a number
          {"temperature": NaN}                          | the request body is not valid JSON: Non-standard token 'NaN'
          {"temperature": -Infinity}                    | the request body is not valid JSON: Non-standard token '-Infinity'
          {"model_id": "a", "model_id": "b"}            | model_id: the field appears more than once
          {"messages": [{"role": "user", "role": "user"}]} | messages[0].role: the field appears more than once
          {"system_prompt": "be nice\\u0000"}           | system_prompt: must not contain NUL characters (U+0000)
          {"messages": [{"role": "user", "content": [{"text": "\\u0000"}]}]} | messages[0].content[0].text: must not contain NUL characters (U+0000)
          {"tool_config": {"x\\u0000": 1}}              | tool_config: field names must not contain NUL characters (U+0000)
          {"system_prompt": "\\ud83d"}                  | system_prompt: must not contain unpaired UTF-16 surrogates
          {"system_prompt": 5}                          | system_prompt: must be a string
          {"max_tokens": 1e2}                           | max_tokens: must be an integer
          {"stop_sequences": [true]}                    | stop_sequences[0]: must be a string
          """)
  void refusesWhatNoConverseBodyMayHold(String body, String detail) {
    assertThatThrownBy(() -> read(body, ConverseRequestJson.class))
        .isInstanceOf(InvalidRequest.class)
        .message()
        .startsWith(detail);
  }

  @Test
  void refusesNestingPastSixtyFourLevels() {
    String body = "{\"additional_model_request_fields\":" + "[".repeat(64) + "]".repeat(64) + "}";

    assertThatThrownBy(() -> read(body, ConverseRequestJson.class))
        .isInstanceOf(InvalidRequest.class)
        .message()
        .startsWith("additional_model_request_fields[0][0][0]")
        // the path is cut short at 200 characters
        .contains("[0]...: ")
        .endsWith(
            ": document nesting depth (65) exceeds the maximum allowed (64) for a request body");
  }

  @Test
  void takesNestingOfSixtyFourLevels() {
    String body =
        "{"
            + HELLO
            + ",\"additional_model_request_fields\":{\"a\":"
            + "[".repeat(62)
            + "]".repeat(62)
            + "}}";

    assertThat(read(body, ConverseRequestJson.class).additionalModelRequestFields()).isNotNull();
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] overlongSlash = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};

    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(overlongSlash), -1, Object.class))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("the request body is not valid UTF-8: malformed bytes at offset 6");
  }

  @Test
  void refusesAnIntegerWhereABooleanBelongs() {
    assertThatThrownBy(
            () -> read("{\"text\":\"hi\",\"normalize\":1}", EmbeddingJson.TextRequest.class))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("normalize: must be true or false");
  }

  @Test
  void takesWhatIsFine() {
    String body =
        "\uFEFF{"
            + HELLO
            + ",\"system_prompt\":\"emoji \uD83D\uDE00, line\u2028separator, \\u00e9\","
            + "\"temperature\":0.5,\"top_p\":1e-3,\"max_tokens\":100,"
            + "\"additional_model_request_fields\":{\"k\":[1e300,-0.0,0e5,12345678901234567890]}}";

    ConverseRequestJson request = read(body, ConverseRequestJson.class);

    assertThat(request.systemPrompt()).isEqualTo("emoji \uD83D\uDE00, line\u2028separator, é");
    assertThat(request.temperature()).isEqualTo(0.5);
    assertThat(request.topP()).isEqualTo(0.001);
    assertThat(request.additionalModelRequestFields().path("k")).hasSize(4);
  }

  private <T> T read(String body, Class<T> type) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return reader.read(new ByteArrayInputStream(bytes), bytes.length, type);
  }
}
