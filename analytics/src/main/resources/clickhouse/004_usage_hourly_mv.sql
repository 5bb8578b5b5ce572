CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.usage_hourly_mv TO ${database}.usage_hourly
AS SELECT
    toStartOfHour(occurred_at) AS hour,
    tenant_id, team_id, user_id, feature, provider, model,
    toUInt64(countIf(operation != 'adjustment')) AS requests,
    toUInt64(countIf(operation = 'adjustment')) AS adjustments,
    sum(input_tokens) AS input_tokens,
    sum(cached_input_tokens) AS cached_input_tokens,
    sum(output_tokens) AS output_tokens,
    sum(cost_usd) AS cost_usd
FROM ${database}.usage_events
GROUP BY hour, tenant_id, team_id, user_id, feature, provider, model
