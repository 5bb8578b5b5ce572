package dev.tollgate.ingest.example;

/** Calls a model and returns the provider's response body as it came, JSON. */
@FunctionalInterface
public interface ModelClient {
  String complete(String model, String prompt, int maxOutputTokens);
}
