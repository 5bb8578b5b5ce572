-- One row per alert (DESIGN.md, "Alert"). An alert delivered twice (the writer commits its offsets
-- only after ClickHouse acknowledged, so a crash in between replays them) is one row when read with
-- FINAL: ReplacingMergeTree keeps one row per alert_id. No materialized view reads this table, so a
-- duplicate never gets counted anywhere before the merge. The sorting key is alert_id alone, and
-- there is no PARTITION BY, because rows are only merged within a partition and one key: a copy of an
-- alert re-sent with another scope or time still replaces the first. Alerts are few, so one
-- partition and FINAL stay cheap.
-- Absent optional strings, and the parts of an absent scope, are stored as ''; a scope always has a
-- tenant, so tenant_id = '' means the alert has none (ops alerts). Absent numbers and times are NULL.
-- Times are whole seconds, like usage_events. The attributes map is two arrays of the same length,
-- keys sorted, as in usage_events: readable on 18.16, which has no Map type and no JSON functions
-- beyond visitParam*, e.g. attribute_values[indexOf(attribute_keys, 'model')].
CREATE TABLE IF NOT EXISTS ${database}.alerts
(
    alert_id String,
    kind String,
    severity String,
    budget_id String,
    tenant_id String,
    team_id String,
    user_id String,
    feature String,
    period_start Nullable(DateTime('UTC')),
    period_end Nullable(DateTime('UTC')),
    threshold_pct Nullable(Decimal(38, 12)),
    threshold_usd Nullable(Decimal(38, 12)),
    spend_usd Nullable(Decimal(38, 12)),
    limit_usd Nullable(Decimal(38, 12)),
    projected_spend_usd Nullable(Decimal(38, 12)),
    expected_breach_at Nullable(DateTime('UTC')),
    confidence_pct Nullable(Int32),
    recent_rate_usd_per_hour Nullable(Decimal(38, 12)),
    baseline_rate_usd_per_hour Nullable(Decimal(38, 12)),
    attribute_keys Array(String),
    attribute_values Array(String),
    triggered_at DateTime('UTC'),
    message String,
    inserted_at DateTime('UTC') DEFAULT now()
)
ENGINE = ReplacingMergeTree
ORDER BY alert_id
