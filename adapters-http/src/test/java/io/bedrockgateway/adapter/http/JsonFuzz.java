package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile request bodies for property-based fuzzing: token soups, random JSON trees over the
 * gateway's own field names, and valid bodies of each route mutated as trees and as bytes.
 */
final class JsonFuzz {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A valid body of each body group of {@link HostileRoutes}, the seeds of mutation. */
  static final Map<String, String> VALID =
      Map.ofEntries(
          Map.entry(
              HostileRoutes.CONVERSE,
              """
          {"messages":[
            {"role":"user","content":[{"text":"hi"},
              {"image":{"format":"png","source":{"bytes":"iVBORw=="}}},
              {"document":{"format":"pdf","name":"doc","source":{"bytes":"JVBERg=="}}}]},
            {"role":"assistant","content":[
              {"toolUse":{"toolUseId":"t1","name":"weather","input":{"city":"Paris","days":[1,2.5]}}}]},
            {"role":"user","content":[{"toolResult":{"toolUseId":"t1",
              "content":[{"json":{"t":21.5}},{"text":"ok"}],"status":"success"}}]},
            {"role":"system","content":"be brief"}],
           "system_prompt":"You help.","model_id":"us.anthropic.claude-sonnet-4-5-20250929-v1:0",
           "temperature":0.5,"top_p":0.9,"max_tokens":512,"stop_sequences":["END"],
           "tool_config":{"tools":[{"toolSpec":{"name":"weather","description":"d",
             "inputSchema":{"json":{"type":"object"}}}}],"toolChoice":{"tool":{"name":"weather"}}},
           "additional_model_request_fields":{"top_k":5}}
          """),
          Map.entry(
              HostileRoutes.EMBED_TEXT,
              """
          {"text":"hello","model_id":"amazon.titan-embed-text-v2:0","dimensions":256,
           "normalize":true,"input_type":"search_query"}
          """),
          Map.entry(
              HostileRoutes.EMBED_BATCH,
              """
          {"texts":["a","b"],"model_id":"cohere.embed-english-v3","dimensions":256,
           "normalize":false,"input_type":"search_document"}
          """),
          Map.entry(
              HostileRoutes.EMBED_IMAGE,
              """
          {"image_base64":"iVBORw==","text":"cat","model_id":"amazon.titan-embed-image-v1",
           "dimensions":256}
          """),
          Map.entry(
              HostileRoutes.IMAGES,
              """
          {"prompt":"a cat","negative_prompt":"dogs","model_id":"stability.stable-image-core-v1:1",
           "width":512,"height":512,"quality":"premium","seed":42,"number_of_images":2}
          """),
          Map.entry(
              HostileRoutes.OPENAI_CHAT,
              """
              {"model":"gpt-4o","user":"u","temperature":0.5,"top_p":0.9,"max_completion_tokens":512,
               "stop":["END"],"stream":false,"metadata":{"a":"b"},"n":1,"messages":[
                {"role":"system","content":"be brief"},
                {"role":"developer","content":[{"type":"text","text":"in French"}]},
                {"role":"user","content":[{"type":"text","text":"hi"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw=="}},
                  {"type":"image_url","image_url":{"url":"https://images.example.com/cat.png"}},
                  {"type":"file","file":{"filename":"a.pdf","file_data":"data:application/pdf;base64,JVBERg=="}}]},
                {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                  "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                {"role":"tool","tool_call_id":"call_1","content":"21 C"}],
               "tools":[{"type":"function","function":{"name":"weather","description":"d",
                 "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
               "tool_choice":{"type":"function","function":{"name":"weather"}}}
              """),
          Map.entry(
              HostileRoutes.OPENAI_RESPONSES,
              """
              {"model":"gpt-4o","instructions":"be brief","max_output_tokens":256,"store":false,
               "input":[{"role":"user","content":[{"type":"input_text","text":"hi"},
                  {"type":"input_image","image_url":"data:image/png;base64,iVBORw=="},
                  {"type":"input_image","image_url":"https://images.example.com/cat.png"}]},
                {"type":"function_call","call_id":"call_1","name":"weather","arguments":"{}"},
                {"type":"function_call_output","call_id":"call_1","output":"21 C"}],
               "tools":[{"type":"function","name":"weather","parameters":{"type":"object"}}],
               "tool_choice":"auto","text":{"format":{"type":"text"}}}
              """),
          Map.entry(
              HostileRoutes.OPENAI_EMBEDDINGS,
              """
              {"model":"text-embedding-3-small","input":["a","b"],"encoding_format":"base64",
               "dimensions":256,"user":"u"}
              """),
          Map.entry(
              HostileRoutes.OPENAI_IMAGES,
              """
              {"model":"dall-e-3","prompt":"a cat","n":2,"size":"512x512","quality":"hd",
               "response_format":"b64_json"}
              """),
          Map.entry(
              HostileRoutes.ADMIN_CREATE,
              """
          {"name":"bot","application":"app","department":"research","project":"p","plan":"team",
           "limits":{"requests":10,"window_seconds":60,"tokens_per_minute":1000,
             "tokens_per_day":100000,"monthly_budget_usd":25.5,"concurrent_streams":2},
           "allowed_models":["amazon.nova-lite-v1:0"],"expires_at":"2027-01-01T00:00:00Z"}
          """),
          Map.entry(
              HostileRoutes.ADMIN_UPDATE,
              """
          {"name":"bot2","application":null,"department":"","project":"x","plan":"team",
           "limits":{"requests":5,"window_seconds":1},"allowed_models":[],"expires_at":null}
          """),
          Map.entry(
              HostileRoutes.ADMIN_ROTATE,
              """
          {"grace_seconds":3600}
          """),
          Map.entry(
              HostileRoutes.BEDROCK_CONVERSE,
              """
              {"messages":[{"role":"user","content":[{"text":"hi"},
                {"image":{"format":"png","source":{"bytes":"iVBORw=="}}}]},
                {"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"weather",
                  "input":{"city":"Paris"}}}]},
                {"role":"user","content":[{"toolResult":{"toolUseId":"t1",
                  "content":[{"json":{"t":21.5}}]}}]}],
               "system":[{"text":"be brief"},{"cachePoint":{"type":"default"}}],
               "inferenceConfig":{"maxTokens":512,"temperature":0.5,"topP":0.9,
                 "stopSequences":["END"]},
               "toolConfig":{"tools":[{"toolSpec":{"name":"weather",
                 "inputSchema":{"json":{"type":"object"}}}}],"toolChoice":{"auto":{}}},
               "additionalModelRequestFields":{"top_k":5}}
              """),
          Map.entry(
              HostileRoutes.BEDROCK_INVOKE,
              """
              {"anthropic_version":"bedrock-2023-05-31","max_tokens":512,
               "messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}
              """),
          Map.entry(
              HostileRoutes.BEDROCK_COUNT,
              """
              {"input":{"invokeModel":{"body":"eyJtYXhfdG9rZW5zIjoxfQ=="}}}
              """),
          Map.entry(
              HostileRoutes.ANTHROPIC_MESSAGES,
              """
              {"model":"claude-sonnet-4-5","max_tokens":512,"stream":false,
               "system":[{"type":"text","text":"be brief","cache_control":{"type":"ephemeral"}}],
               "messages":[{"role":"user","content":"hi"}],"temperature":0.5,
               "tools":[{"name":"weather","input_schema":{"type":"object"}}]}
              """),
          Map.entry(
              HostileRoutes.ANTHROPIC_COUNT,
              """
              {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"hi"}]}
              """));

  /** Every field name the gateway reads, and a few it does not. */
  private static final List<String> NAMES =
      List.of(
          "model",
          "input",
          "tool_calls",
          "tool_call_id",
          "image_url",
          "url",
          "file",
          "file_data",
          "response_format",
          "json_schema",
          "stream_options",
          "include_usage",
          "reasoning_effort",
          "encoding_format",
          "size",
          "n",
          "instructions",
          "previous_response_id",
          "store",
          "call_id",
          "arguments",
          "output",
          "messages",
          "role",
          "content",
          "text",
          "image",
          "document",
          "format",
          "source",
          "bytes",
          "name",
          "toolUse",
          "toolUseId",
          "input",
          "toolResult",
          "json",
          "status",
          "system_prompt",
          "model_id",
          "tool_config",
          "tools",
          "toolSpec",
          "description",
          "inputSchema",
          "toolChoice",
          "auto",
          "any",
          "tool",
          "temperature",
          "top_p",
          "max_tokens",
          "stop_sequences",
          "additional_model_request_fields",
          "texts",
          "dimensions",
          "normalize",
          "input_type",
          "image_base64",
          "prompt",
          "negative_prompt",
          "width",
          "height",
          "quality",
          "seed",
          "number_of_images",
          "application",
          "department",
          "project",
          "plan",
          "limits",
          "requests",
          "window_seconds",
          "tokens_per_minute",
          "tokens_per_day",
          "monthly_budget_usd",
          "concurrent_streams",
          "allowed_models",
          "expires_at",
          "grace_seconds",
          "",
          "x",
          "__proto__");

  /** Texts that are meaningful somewhere: enum values, ids, base64, times. */
  private static final List<String> WORDS =
      List.of(
          "user",
          "assistant",
          "system",
          "png",
          "jpeg",
          "gif",
          "webp",
          "bmp",
          "pdf",
          "txt",
          "success",
          "error",
          "search_query",
          "classification",
          "standard",
          "premium",
          "auto",
          "claude",
          "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
          "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0",
          "../x",
          "a b",
          "iVBORw==",
          "AA==",
          "%%",
          "2027-01-01T00:00:00Z",
          "",
          " ",
          "\u0000",
          "\u2028",
          "\uD800",
          "\uD83D\uDE00",
          "NaN",
          "Infinity",
          "1e400",
          "null",
          "weather",
          "t1");

  /** Scalars as JSON text, hostile and not. */
  private static final List<String> SCALARS =
      List.of(
          "null",
          "true",
          "false",
          "0",
          "-0",
          "1",
          "-1",
          "0.5",
          "1.5",
          "1e400",
          "-1e400",
          "1e-400",
          "0e999999999",
          "1E+308",
          "4.9e-324",
          "2147483648",
          "9223372036854775808",
          "-9223372036854775809",
          "99999999999999999999999",
          "NaN",
          "Infinity",
          "-Infinity",
          "01",
          "+1",
          ".5",
          "1.",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\"\\udc00\\ud800\"",
          "\"\\u2028\"",
          "\"x\\\\y\"",
          "\"\\x\"",
          "\"");

  /** Pieces of JSON to glue together. */
  private static final List<String> FRAGMENTS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          " ",
          "\n",
          "\"",
          "\\",
          "{}",
          "[]",
          "\"messages\"",
          "\"role\"",
          "\"user\"",
          "\"content\"",
          "\"text\"",
          "\"model_id\"",
          "\"texts\"",
          "\"name\"",
          "\"limits\"",
          "\"grace_seconds\"",
          "\"prompt\"",
          "\"image_base64\"",
          "\"a\":1,",
          "\"a\":1,\"a\":2",
          "null",
          "true",
          "1e400",
          "NaN",
          "-Infinity",
          "0x1F",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\u0000",
          "\uFEFF",
          "/*",
          "*/",
          "'",
          "\u00e9");

  private JsonFuzz() {}

  /** Any of the kinds of hostile body, for the route group {@code group}. */
  static Arbitrary<byte[]> bodies(String group) {
    return Arbitraries.frequencyOf(
        Tuple.of(4, mutated(group)),
        Tuple.of(2, trees().map(JsonFuzz::utf8)),
        Tuple.of(2, soups().map(JsonFuzz::utf8)),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40).map(JsonFuzz::utf8)),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)));
  }

  /** Fragments of JSON in any order. */
  static Arbitrary<String> soups() {
    return Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.of(SCALARS))
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }

  /** Random JSON objects over the gateway's field names, with hostile scalars at the leaves. */
  static Arbitrary<String> trees() {
    return object(4);
  }

  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> leaf =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(SCALARS)),
            Tuple.of(3, Arbitraries.of(WORDS).map(JsonFuzz::quote)),
            Tuple.of(2, Arbitraries.strings().all().ofMaxLength(12).map(JsonFuzz::quote)),
            Tuple.of(1, Arbitraries.doubles().map(String::valueOf)),
            Tuple.of(1, Arbitraries.bigIntegers().map(BigInteger::toString)));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> list =
        Arbitraries.lazy(() -> value(depth - 1))
            .list()
            .ofMaxSize(4)
            .map(values -> "[" + String.join(",", values) + "]");
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaf), Tuple.of(2, list), Tuple.of(2, Arbitraries.lazy(() -> object(depth))));
  }

  private static Arbitrary<String> object(int depth) {
    Arbitrary<String> member =
        Combinators.combine(Arbitraries.of(NAMES), Arbitraries.lazy(() -> value(depth - 1)))
            .as((name, value) -> quote(name) + ":" + value);
    return member.list().ofMaxSize(6).map(members -> "{" + String.join(",", members) + "}");
  }

  /** The valid body of {@code group}, mutated as a tree, then perhaps as text and as bytes. */
  static Arbitrary<byte[]> mutated(String group) {
    JsonNode seed = tree(VALID.get(group));
    return Arbitraries.randomValue(random -> mutate(seed, random));
  }

  static byte[] mutate(JsonNode seed, Random random) {
    JsonNode tree = seed.deepCopy();
    int treeMutations = 1 + random.nextInt(3);
    for (int i = 0; i < treeMutations; i++) {
      tree = mutateTree(tree, random);
    }
    String text = tree.toString();
    if (random.nextInt(3) == 0) {
      text = mutateText(text, random);
    }
    byte[] bytes = utf8(text);
    if (random.nextInt(8) == 0 && bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
    }
    return bytes;
  }

  /** Replaces, removes or wraps one node of {@code root}. */
  private static JsonNode mutateTree(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    if (containers.isEmpty()) {
      return random.nextBoolean() ? hostileNode(random) : tree(VALID.get(HostileRoutes.CONVERSE));
    }
    JsonNode container = containers.get(random.nextInt(containers.size()));
    if (container instanceof ObjectNode object && !object.isEmpty()) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(5)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name, NODES.arrayNode().add(object.get(name)));
        case 2 -> object.set(pick(NAMES, random), hostileNode(random));
        default -> object.set(name, hostileNode(random));
      }
    } else if (container instanceof ArrayNode array && !array.isEmpty()) {
      int index = random.nextInt(array.size());
      switch (random.nextInt(4)) {
        case 0 -> array.remove(index);
        case 1 -> array.add(array.get(index).deepCopy());
        default -> array.set(index, hostileNode(random));
      }
    } else if (random.nextInt(4) == 0) {
      return hostileNode(random);
    }
    return root;
  }

  private static void collectContainers(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
        collectContainers(children.next(), into);
      }
    }
  }

  private static JsonNode hostileNode(Random random) {
    return switch (random.nextInt(14)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextInt());
      case 3 -> NODES.numberNode(random.nextLong());
      case 4 -> NODES.numberNode(random.nextGaussian() * 1e6);
      case 5 -> NODES.numberNode(new BigInteger(100, random));
      case 6 -> NODES.textNode(pick(WORDS, random));
      case 7 -> NODES.textNode("x".repeat(random.nextInt(300)));
      case 8 -> NODES.arrayNode();
      case 9 -> NODES.objectNode();
      case 10 -> {
        ArrayNode many = NODES.arrayNode();
        int size = random.nextBoolean() ? 1_001 : random.nextInt(5);
        for (int i = 0; i < size; i++) {
          many.add(random.nextBoolean() ? NODES.objectNode() : NODES.textNode("a"));
        }
        yield many;
      }
      case 11 -> {
        JsonNode deep = NODES.numberNode(1);
        for (int i = 0; i < 40 + random.nextInt(40); i++) {
          deep = NODES.arrayNode().add(deep);
        }
        yield deep;
      }
      case 12 -> tree("{\"text\":" + quote(pick(WORDS, random)) + "}");
      default -> NODES.textNode(randomText(random));
    };
  }

  /** Inserts, deletes or repeats a piece of text, or plants a hostile token. */
  private static String mutateText(String text, Random random) {
    int at = random.nextInt(text.length() + 1);
    return switch (random.nextInt(5)) {
      case 0 -> text.substring(0, at) + pick(FRAGMENTS, random) + text.substring(at);
      case 1 ->
          text.substring(0, at)
              + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
      case 2 -> text.substring(0, at) + pick(SCALARS, random) + text.substring(at);
      case 3 -> {
        // a field sent twice: repeat the first member of some object
        int brace = text.indexOf('{', at);
        int comma = brace < 0 ? -1 : text.indexOf(',', brace);
        yield brace < 0 || comma < 0
            ? text
            : text.substring(0, comma)
                + ","
                + text.substring(brace + 1, comma)
                + text.substring(comma);
      }
      default ->
          text.substring(0, at) + text.substring(at).replaceFirst("[0-9]+", pick(SCALARS, random));
    };
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(Character.MAX_VALUE + 1));
    }
    return text.toString();
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  /** A JSON string literal of {@code text}; lone surrogates and controls as escapes. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char unit = text.charAt(i);
      if (unit == '"' || unit == '\\') {
        quoted.append('\\').append(unit);
      } else if (unit < 0x20 || Character.isSurrogate(unit)) {
        quoted.append(String.format("\\u%04x", (int) unit));
      } else {
        quoted.append(unit);
      }
    }
    return quoted.append('"').toString();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode tree(String json) {
    try {
      return PLAIN.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
