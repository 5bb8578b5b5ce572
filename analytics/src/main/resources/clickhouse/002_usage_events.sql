-- One row per priced event. Deduplicated on event_id by ReplacingMergeTree, so queries that must be
-- exact read it with FINAL. Optional strings of the event are stored as '' when absent; optional
-- numbers, and every field of the price entry, are NULL when absent (NULL price = no entry used:
-- adjustments and unpriced events; NULL cached price = the input price applied).
-- kafka_topic/kafka_partition/kafka_offset let the writer resume without writing a record twice.
-- The sorting key uses the stored occurred_date rather than toDate(occurred_at): on 18.16 a query
-- with FINAL that computes an expression of the sorting key fails ("Column ... already exists").
CREATE TABLE IF NOT EXISTS ${database}.usage_events
(
    event_id String,
    occurred_at DateTime('UTC'),
    tenant_id String,
    team_id String,
    user_id String,
    feature String,
    provider String,
    model String,
    operation String,
    input_tokens Int64,
    cached_input_tokens Int64,
    output_tokens Int64,
    audio_seconds Nullable(Decimal(18, 3)),
    batch UInt8,
    estimated UInt8,
    status String,
    latency_ms Nullable(Int64),
    request_id String,
    prompt_hash String,
    attribute_keys Array(String),
    attribute_values Array(String),
    baseline_model String,
    baseline_input_tokens Nullable(Int64),
    baseline_output_tokens Nullable(Int64),
    amount_usd Nullable(Decimal(38, 12)),
    reason String,
    reference String,
    cost_usd Decimal(38, 12),
    price_source String,
    price_model String,
    price_effective_from Nullable(DateTime('UTC')),
    price_input_per_mtok Nullable(Decimal(38, 12)),
    price_output_per_mtok Nullable(Decimal(38, 12)),
    price_cached_input_per_mtok Nullable(Decimal(38, 12)),
    price_per_audio_minute Nullable(Decimal(38, 12)),
    price_batch_discount_pct Nullable(Decimal(38, 12)),
    priced_at DateTime('UTC'),
    kafka_topic String,
    kafka_partition UInt32,
    kafka_offset UInt64,
    inserted_at DateTime('UTC') DEFAULT now(),
    occurred_date Date MATERIALIZED toDate(occurred_at)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (tenant_id, occurred_date, event_id)
