CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.usage_daily_mv TO ${database}.usage_daily
AS SELECT
    toDate(occurred_at) AS day,
    tenant_id, team_id, user_id, feature, provider, model,
    toUInt64(countIf(operation != 'adjustment')) AS requests,
    toUInt64(countIf(operation = 'adjustment')) AS adjustments,
    sum(input_tokens) AS input_tokens,
    sum(cached_input_tokens) AS cached_input_tokens,
    sum(output_tokens) AS output_tokens,
    sum(cost_usd) AS cost_usd
FROM ${database}.usage_events
GROUP BY day, tenant_id, team_id, user_id, feature, provider, model
