package dev.tollgate.ingest.gateway.internal;

/** One route of the gateway; it answers through the exchange, now or later. */
@FunctionalInterface
public interface Endpoint {
  void handle(Exchange exchange) throws Exception;
}
