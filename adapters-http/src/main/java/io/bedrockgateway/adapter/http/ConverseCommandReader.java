package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.ConverseCommand;
import io.javalin.http.Context;

/** Builds the use case's command from an HTTP request: its caller, body and request facts. */
final class ConverseCommandReader {
  private final JsonBodyReader bodyReader;
  private final ChatRequestMapper mapper;
  private final RequestFacts facts;

  ConverseCommandReader(JsonBodyReader bodyReader, ChatRequestMapper mapper, RequestFacts facts) {
    this.bodyReader = bodyReader;
    this.mapper = mapper;
    this.facts = facts;
  }

  ConverseCommand read(Context ctx) {
    ConverseRequestJson body = bodyReader.read(ctx, ConverseRequestJson.class);
    return new ConverseCommand(KeyGate.caller(ctx), mapper.toChatRequest(body), facts.context(ctx));
  }
}
