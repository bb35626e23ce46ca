package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidationTest {
  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {}                                                              | messages: must hold at least one message
          {"messages": []}                                                | messages: must hold at least one message
          {"messages": null}                                              | messages: must hold at least one message
          {"messages": [{"role": "system", "content": "x"}]}              | messages: must hold at least one user or assistant message
          {"messages": [null]}                                            | messages[0]: must be an object
          {"messages": [{"role": "user", "content": "a"}, {"role": "bot", "content": "b"}]} | messages[1].role: must be user, assistant or system
          {"messages": [{"content": "a"}]}                                | messages[0].role: must be user, assistant or system
          {"messages": [{"role": "user"}]}                                | messages[0].content: must be a string or a list of content blocks
          {"messages": [{"role": "user", "content": null}]}               | messages[0].content: must be a string or a list of content blocks
          {"messages": [{"role": "user", "content": 7}]}                  | messages[0].content: must be a string or a list of content blocks
          {"messages": [{"role": "user", "content": []}]}                 | messages[0].content: must hold at least one content block
          {"messages": [{"role": "user", "content": "  "}]}               | messages[0].content: text must not be blank
          {"messages": [{"role": "user", "content": ["hi"]}]}             | messages[0].content[0]: must be an object
          {"messages": [{"role": "user", "content": [{"text": 5}]}]}      | messages[0].content[0].text: must be a string
          {"messages": [{"role": "user", "content": [{"text": "a"}, {"image": {"format": "png"}}]}]} | messages[0].content[1].image.source.bytes: is required
          {"messages": [{"role": "user", "content": [{"image": {"format": "bmp", "source": {"bytes": "AA=="}}}]}]} | messages[0].content[0].image.format: must be png, jpeg, gif or webp
          {"messages": [{"role": "user", "content": [{"image": {"format": "png", "source": {"bytes": "%%"}}}]}]} | messages[0].content[0].image.source.bytes: must be base64-encoded
          {"messages": [{"role": "user", "content": [{"document": {"format": "pdf", "source": {"bytes": "AA=="}}}]}]} | messages[0].content[0].document.name: is required
          {"messages": [{"role": "user", "content": [{"document": {"format": "exe", "name": "x", "source": {"bytes": "AA=="}}}]}]} | messages[0].content[0].document.format: must be pdf, csv, doc, docx, xls, xlsx, html, txt or md
          {"messages": [{"role": "user", "content": [{"video": {}}]}]}    | messages[0].content[0]: must hold one of text, image, document, toolUse, toolResult, cachePoint or reasoningContent
          {"messages": [{"role": "user", "content": [{"toolUse": {"toolUseId": "t 1", "name": "w", "input": {}}}]}]} | messages[0].content[0].toolUse: toolUseId must be 1 to 64
          {"messages": [{"role": "user", "content": [{"toolResult": {"toolUseId": "t1", "content": []}}]}]} | messages[0].content[0].toolResult.content: must be a list of at least one block
          {"messages": [{"role": "system", "content": [{"image": {"format": "png", "source": {"bytes": "AA=="}}}]}]} | messages[0].content[0]: system content holds text and cachePoint only
          {"messages": [{"role": "user", "content": "a"}], "system_prompt": ""} | system_prompt: text must not be blank
          {"messages": [{"role": "user", "content": "a"}], "model_id": "a b"} | model_id: model id must not contain white space
          {"messages": [{"role": "user", "content": "a"}], "temperature": 1.5} | temperature must be between 0 and 1
          {"messages": [{"role": "user", "content": "a"}], "top_p": -0.1}  | top_p must be between 0 and 1
          {"messages": [{"role": "user", "content": "a"}], "max_tokens": 0} | max_tokens must be between 1 and 100000
          {"messages": [{"role": "user", "content": "a"}], "max_tokens": 100001} | max_tokens must be between 1 and 100000
          {"messages": [{"role": "user", "content": "a"}], "stop_sequences": ["a","b","c","d","e"]} | stop_sequences may hold at most 4 entries
          {"messages": [{"role": "user", "content": "a"}], "stop_sequences": ["a", null]} | stop_sequences[1]: must be a string
          {"messages": [{"role": "user", "content": "a"}], "tool_config": {"tools": []}} | tool_config.tools: must be a list of at least one tool
          {"messages": [{"role": "user", "content": "a"}], "tool_config": {"tools": [{"toolSpec": {"name": "w"}}]}} | tool_config.tools[0].toolSpec.inputSchema.json: must be a JSON schema object
          {"messages": [{"role": "user", "content": "a"}], "tool_config": {"tools": [{"toolSpec": {"name": "w", "inputSchema": {"json": {}}}}], "toolChoice": {"some": {}}}} | tool_config.toolChoice: must be
          {"messages": [{"role": "user", "content": "a"}], "additional_model_request_fields": [1]} | additional_model_request_fields: must be an object
          """)
  void invalidRequestsAreRefusedNamingTheField(String body, String detail) {
    assertRefused(body, detail);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"messages": {}}                                               | messages: must be a list
          {"messages": "hello"}                                          | messages: must be a list
          {"messages": [5]}                                              | messages[0]: must be an object
          {"messages": [{"role": 5, "content": "a"}]}                    | messages[0].role: must be a string
          {"messages": [{"role": "user", "content": "a"}], "temperature": "hot"} | temperature: must be a number
          {"messages": [{"role": "user", "content": "a"}], "temperature": "0.5"} | temperature: must be a number
          {"messages": [{"role": "user", "content": "a"}], "temperature": true}  | temperature: must be a number
          {"messages": [{"role": "user", "content": "a"}], "max_tokens": 1.5}    | max_tokens: must be an integer
          {"messages": [{"role": "user", "content": "a"}], "max_tokens": "100"}  | max_tokens: must be an integer
          {"messages": [{"role": "user", "content": "a"}], "max_tokens": 10000000000} | max_tokens: the number is out of range
          {"messages": [{"role": "user", "content": "a"}], "model_id": 42}      | model_id: must be a string
          {"messages": [{"role": "user", "content": "a"}], "stop_sequences": "END"} | stop_sequences: must be a list
          [1, 2]                                                         | the request body must be a single JSON object
          "text"                                                         | the request body must be a single JSON object
          {"messages": []} {"messages": []}                              | the request body must be a single JSON object
          """)
  void wrongJsonTypesAreRefusedNamingTheField(String body, String detail) {
    assertRefused(body, detail);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"messages\": [", "{messages: []}", "not json", "{\"a\": 1,}"})
  void malformedJsonIsRefused(String body) {
    HttpResponse<String> response = server.converse(body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).get("detail").asText())
        .startsWith("the request body is not valid JSON: ")
        .contains("line 1, column");
  }

  @Test
  void anEmptyBodyIsRefused() {
    assertRefused("", "the request body is empty: send a JSON object");
  }

  @Test
  void aBodyOverTheLimitIsRefusedWithJson() {
    HttpResponse<String> response = server.converse(paddedHello(5000));

    assertPayloadTooLarge(response);
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWithJson() {
    byte[] body = paddedHello(5000).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        server.send(
            server
                .request("/api/v1/bedrock/converse-stream")
                .header("X-API-Key", TestServer.KEY)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));

    assertPayloadTooLarge(response);
  }

  @Test
  void aBodyJustUnderTheLimitIsAccepted() {
    HttpResponse<String> response = server.converse(paddedHello(4096));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyArrives() throws Exception {
    try (Socket socket = new Socket("localhost", server.server.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/converse HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                  + TestServer.KEY
                  + "\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(in.readLine()).startsWith("HTTP/1.1 413");
    }
    assertThat(server.converse.called()).isFalse();
  }

  @Test
  void anUnknownRouteIsA404WithJson() {
    HttpResponse<String> response = server.send(server.request("/api/v2/converse"));

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = json(response.body());
    assertThat(body.get("error").asText()).isEqualTo("Not Found");
    assertThat(body.get("detail").asText()).contains("GET /api/v2/converse");
    assertThat(body.get("request_id").asText())
        .isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
  }

  @Test
  void aWrongMethodIsA405WithJson() {
    HttpResponse<String> response = server.send(server.request("/api/v1/converse"));

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
    assertThat(json(response.body()).get("error").asText()).isEqualTo("Method Not Allowed");
  }

  private void assertRefused(String body, String detail) {
    HttpResponse<String> response = server.converse(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode json = json(response.body());
    assertThat(json.get("error").asText()).isEqualTo("Invalid request");
    assertThat(json.get("detail").asText()).startsWith(detail);
    assertThat(json.get("request_id").asText()).isNotBlank();
    assertThat(server.converse.called()).isFalse();
  }

  private static void assertPayloadTooLarge(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = json(response.body());
    assertThat(body.get("error").asText()).isEqualTo("Payload too large");
    assertThat(body.get("detail").asText()).isEqualTo("request body exceeds 4096 bytes");
  }

  /** The hello request padded with spaces to exactly {@code size} bytes. */
  private static String paddedHello(int size) {
    return HELLO + " ".repeat(size - HELLO.length());
  }
}
