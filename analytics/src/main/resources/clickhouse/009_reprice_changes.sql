-- What re-pricing changed, one row per event and run: the cost, baseline cost and price entry the
-- event had (old_*) and has since (new_*). Written while a run scans, before ClickHouse or budgets
-- change, so an interrupted run is finished from here with the same figures (and the same
-- correction ids). A run is one partition: an interrupted scan is dropped whole with DROP PARTITION.
-- The rollup keys are kept so the hourly and daily compensations come from this table alone.
CREATE TABLE IF NOT EXISTS ${database}.reprice_changes
(
    run_id String,
    event_id String,
    occurred_at DateTime('UTC'),
    tenant_id String,
    team_id String,
    user_id String,
    feature String,
    provider String,
    model String,
    old_priced_at DateTime('UTC'),
    old_cost_usd Decimal(38, 12),
    new_cost_usd Decimal(38, 12),
    old_baseline_cost_usd Nullable(Decimal(38, 12)),
    new_baseline_cost_usd Nullable(Decimal(38, 12)),
    old_price_source String,
    new_price_source String,
    old_price_model String,
    new_price_model String,
    old_price_effective_from Nullable(DateTime('UTC')),
    new_price_effective_from Nullable(DateTime('UTC')),
    old_price_input_per_mtok Nullable(Decimal(38, 12)),
    new_price_input_per_mtok Nullable(Decimal(38, 12)),
    old_price_output_per_mtok Nullable(Decimal(38, 12)),
    new_price_output_per_mtok Nullable(Decimal(38, 12))
)
ENGINE = MergeTree
PARTITION BY run_id
ORDER BY (tenant_id, occurred_at, event_id)
