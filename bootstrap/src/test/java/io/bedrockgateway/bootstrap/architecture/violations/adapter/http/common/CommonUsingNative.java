package io.bedrockgateway.bootstrap.architecture.violations.adapter.http.common;

import io.bedrockgateway.bootstrap.architecture.violations.adapter.http.nativeapi.NativeUsingOpenAi;

/** Violates: the shared edge depending on a surface. */
public class CommonUsingNative {
  public NativeUsingOpenAi surface;
}
