package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.error.UpstreamFailed;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/** InvokeModel bodies, written and read with the SDK's own JSON support. */
final class InvokeJson {
  private InvokeJson() {}

  /** One JSON object, its members written by {@code members}. */
  static byte[] object(Consumer<JsonWriter> members) {
    try (JsonWriter writer = JsonWriter.create()) {
      writer.writeStartObject();
      members.accept(writer);
      writer.writeEndObject();
      return writer.getBytes();
    }
  }

  static void field(JsonWriter writer, String name, String value) {
    writer.writeFieldName(name).writeValue(value);
  }

  static void field(JsonWriter writer, String name, long value) {
    writer.writeFieldName(name).writeValue(value);
  }

  static void strings(JsonWriter writer, String name, List<String> values) {
    writer.writeFieldName(name).writeStartArray();
    values.forEach(writer::writeValue);
    writer.writeEndArray();
  }

  static JsonNode parse(byte[] body) {
    try {
      return JsonNode.parser().parse(body);
    } catch (RuntimeException malformed) {
      throw new UpstreamFailed("Bedrock answered with a body that is not JSON");
    }
  }

  static JsonNode required(JsonNode node, String field) {
    return node.field(field)
        .filter(value -> !value.isNull())
        .orElseThrow(() -> new UpstreamFailed("Bedrock's answer has no " + field));
  }

  static Optional<Long> optionalLong(JsonNode node, String field) {
    return node.field(field)
        .filter(JsonNode::isNumber)
        .map(value -> Long.valueOf(value.asNumber()));
  }

  static float[] floats(JsonNode array) {
    List<JsonNode> values = array.asArray();
    float[] vector = new float[values.size()];
    for (int index = 0; index < vector.length; index++) {
      vector[index] = Float.parseFloat(values.get(index).asNumber());
    }
    return vector;
  }
}
