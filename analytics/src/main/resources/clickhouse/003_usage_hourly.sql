-- Hourly totals kept by usage_hourly_mv. Rows with the same key are summed by background merges, so
-- read it with sum(...) GROUP BY. requests counts model calls, adjustments counts credits and refunds.
CREATE TABLE IF NOT EXISTS ${database}.usage_hourly
(
    hour DateTime('UTC'),
    tenant_id String,
    team_id String,
    user_id String,
    feature String,
    provider String,
    model String,
    requests UInt64,
    adjustments UInt64,
    input_tokens Int64,
    cached_input_tokens Int64,
    output_tokens Int64,
    cost_usd Decimal(38, 12)
)
ENGINE = SummingMergeTree((requests, adjustments, input_tokens, cached_input_tokens, output_tokens, cost_usd))
PARTITION BY toYYYYMM(hour)
ORDER BY (tenant_id, hour, team_id, user_id, feature, provider, model)
