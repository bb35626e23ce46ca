package io.bedrockgateway.adapter.http.nativeapi;

import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.RequestFacts;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.javalin.http.Context;

/** Builds the use case's command from an HTTP request: its caller, body and request facts. */
public final class ConverseCommandReader {
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
