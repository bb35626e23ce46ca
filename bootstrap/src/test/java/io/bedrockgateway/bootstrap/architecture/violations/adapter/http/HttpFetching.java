package io.bedrockgateway.bootstrap.architecture.violations.adapter.http;

/** Violates: the JDK's HTTP client outside the media adapter (an inbound adapter fetching). */
public class HttpFetching {
  public java.net.http.HttpClient client;
}
