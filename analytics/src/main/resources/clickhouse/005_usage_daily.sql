-- Daily (UTC) totals kept by usage_daily_mv; same columns and reading rule as usage_hourly.
CREATE TABLE IF NOT EXISTS ${database}.usage_daily
(
    day Date,
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
PARTITION BY toYYYYMM(day)
ORDER BY (tenant_id, day, team_id, user_id, feature, provider, model)
