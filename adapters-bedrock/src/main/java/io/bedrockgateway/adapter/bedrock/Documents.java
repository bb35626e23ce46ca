package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** The domain's JSON values as the SDK's documents, and back. */
final class Documents {
  private Documents() {}

  static Document toDocument(JsonValue value) {
    return switch (value) {
      case JsonValue.JsonObject object -> {
        Map<String, Document> members = new LinkedHashMap<>();
        object.members().forEach((name, member) -> members.put(name, toDocument(member)));
        yield Document.fromMap(members);
      }
      case JsonValue.JsonArray array ->
          Document.fromList(array.elements().stream().map(Documents::toDocument).toList());
      case JsonValue.JsonString string -> Document.fromString(string.value());
      case JsonValue.JsonNumber number -> Document.fromNumber(number.value());
      case JsonValue.JsonBoolean bool -> Document.fromBoolean(bool.value());
      case JsonValue.JsonNull ignored -> Document.fromNull();
    };
  }

  static JsonValue toJsonValue(Document document) {
    if (document == null || document.isNull()) {
      return new JsonValue.JsonNull();
    }
    if (document.isMap()) {
      Map<String, JsonValue> members = new LinkedHashMap<>();
      document.asMap().forEach((name, member) -> members.put(name, toJsonValue(member)));
      return new JsonValue.JsonObject(members);
    }
    if (document.isList()) {
      return new JsonValue.JsonArray(
          document.asList().stream().map(Documents::toJsonValue).toList());
    }
    if (document.isNumber()) {
      SdkNumber number = document.asNumber();
      return new JsonValue.JsonNumber(number.bigDecimalValue());
    }
    if (document.isBoolean()) {
      return new JsonValue.JsonBoolean(document.asBoolean());
    }
    return new JsonValue.JsonString(document.asString());
  }
}
