-- What each call would have cost without its optimization (its baseline_model and baseline token
-- counts at the prices in effect when it occurred); NULL when the event names no baseline or no price
-- applies to its baseline model. Added to tables created before savings tracking.
ALTER TABLE ${database}.usage_events ADD COLUMN baseline_cost_usd Nullable(Decimal(38, 12))
