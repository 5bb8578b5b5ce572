package dev.tollgate.ingest.gateway.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.ingest.guard.BudgetGuard;
import dev.tollgate.ingest.guard.Estimate;
import dev.tollgate.ingest.guard.UnknownModelException;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.validation.Violation;

/**
 * {@code POST /v1/estimate}: what a call costs at most before it is made, with the catalog entry
 * that priced it, from the budget guard's copy of the price catalog.
 */
public final class EstimateEndpoint implements Endpoint {
  private final BearerAuth auth;
  private final BudgetGuard guard;
  private final int maxBodyBytes;

  public EstimateEndpoint(BearerAuth auth, BudgetGuard guard, int maxBodyBytes) {
    this.auth = auth;
    this.guard = guard;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(Exchange exchange) throws Exception {
    if (auth.require(exchange) == null) {
      return;
    }
    byte[] body = exchange.body(maxBodyBytes);
    if (body == null) {
      exchange.json(413, Json.error("body_too_large", "the body is larger than " + maxBodyBytes + " bytes"), "Connection", "close");
      return;
    }
    EstimateRequest request;
    try {
      request = EstimateRequest.read(Json.MAPPER.readTree(body));
    } catch (JsonProcessingException e) {
      exchange.json(400, Json.error("invalid_json", "the body is not valid JSON: " + e.getOriginalMessage()));
      return;
    } catch (EstimateRequest.InvalidField e) {
      exchange.json(400, invalid("invalid_request", e.violation()));
      return;
    }
    Estimate estimate;
    try {
      estimate = request.prompt() != null
          ? guard.estimate(request.provider(), request.model(), request.prompt(), request.maxOutputTokens())
          : guard.estimate(request.provider(), request.model(), request.inputTokens(), request.maxOutputTokens());
    } catch (UnknownModelException e) {
      exchange.json(422, invalid("unknown_model", new Violation(e.field(), e.reason())));
      return;
    }
    exchange.json(200, toJson(estimate));
  }

  private static ObjectNode invalid(String code, Violation v) {
    ObjectNode n = Json.error(code, v.toString());
    n.put("field", v.field());
    n.put("reason", v.reason());
    return n;
  }

  static ObjectNode toJson(Estimate e) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("provider", e.provider());
    n.put("model", e.model());
    n.put("input_tokens", e.inputTokens());
    n.put("max_output_tokens", e.maxOutputTokens());
    n.put("tokenizer", e.tokenizer());
    n.put("approximate", e.approximate());
    n.put("note", e.note());
    n.put("cost_usd", Json.exact(e.costUsd()));
    n.set("price", price(e.price()));
    return n;
  }

  private static JsonNode price(PriceEntry p) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("provider", p.getProvider());
    n.put("model", p.getModel());
    n.put("effective_from", Json.time(p.getEffectiveFrom()));
    n.put("input_per_mtok", Json.exact(p.getInputPerMtok()));
    n.put("output_per_mtok", Json.exact(p.getOutputPerMtok()));
    n.put("cached_input_per_mtok", Json.exact(p.getCachedInputPerMtok()));
    n.put("per_audio_minute", Json.exact(p.getPerAudioMinute()));
    n.put("batch_discount_pct", Json.exact(p.getBatchDiscountPct()));
    n.put("source", p.getSource());
    n.put("checked_on", p.getCheckedOn());
    return n;
  }
}
