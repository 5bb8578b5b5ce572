-- One row per re-pricing run when read with FINAL: the run's latest record (highest version). A run
-- records itself when it starts (scanning), when its scan is complete (publishing: the corrections
-- are being sent), once they are sent (applying), and at the end (done); an interrupted scan is
-- marked abandoned. started_at is also the priced_at of every row the run rewrote, which is how the
-- old versions of those rows are told from the new. recorded_at shows that a run is still alive;
-- error holds what stopped a run that failed, which the next run may then finish at once.
CREATE TABLE IF NOT EXISTS ${database}.reprice_runs
(
    run_id String,
    version UInt32,
    status String,
    started_at DateTime('UTC'),
    finished_at Nullable(DateTime('UTC')),
    range_from DateTime('UTC'),
    range_to DateTime('UTC'),
    catalog_fingerprint String,
    events_scanned UInt64,
    events_changed UInt64,
    old_cost_usd Decimal(38, 12),
    new_cost_usd Decimal(38, 12),
    delta_usd Decimal(38, 12),
    old_baseline_cost_usd Decimal(38, 12),
    new_baseline_cost_usd Decimal(38, 12),
    corrections UInt64,
    error String,
    recorded_at DateTime('UTC') DEFAULT now()
)
ENGINE = ReplacingMergeTree(version)
ORDER BY run_id
