package io.bedrockgateway.bootstrap.architecture.violations.adapter.http.nativeapi;

import io.bedrockgateway.bootstrap.architecture.violations.adapter.http.openai.OpenAiThing;

/** Violates: one API surface depending on another. */
public class NativeUsingOpenAi {
  public OpenAiThing other;
}
