-- Rows the sender gave up on after its time budget, for /delivery: found without scanning every
-- sent row of every broadcast.
CREATE INDEX outbox_given_up ON outbox (id) WHERE status = 'failed' AND last_error LIKE 'gave up%';
