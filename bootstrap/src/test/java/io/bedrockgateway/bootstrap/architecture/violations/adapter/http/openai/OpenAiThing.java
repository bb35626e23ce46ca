package io.bedrockgateway.bootstrap.architecture.violations.adapter.http.openai;

/** A class of one surface, for another surface to lean on. */
public class OpenAiThing {}
