-- Erasures a restore must apply again. A backup taken before someone used /deletemydata still
-- holds their data; restoring it would bring them back. Each erasure leaves one row here: not the
-- person's Telegram id but an HMAC-SHA256 of it under a key made here, once, by SQLite's random
-- source, so the log alone names nobody. The row lives only as long as a backup can predate it
-- (BACKUP_KEEP days and a day's margin), then the nightly purge deletes it.
CREATE TABLE erasures (
    subject  BLOB PRIMARY KEY CHECK (length(subject) = 32),
    at       TEXT NOT NULL
);
INSERT INTO signing_keys (purpose, secret) VALUES ('erasure', randomblob(32));

-- The nightly purge deletes delivered messages older than RETENTION_YEARS: found by age here
-- instead of a scan of every message ever sent.
CREATE INDEX outbox_delivered_age ON outbox (created_at) WHERE status <> 'pending';
