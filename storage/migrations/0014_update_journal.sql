-- Updates as fetched from Telegram, written before the next getUpdates acknowledges them, so a
-- crash loses none: unhandled rows are replayed at start, and update_id keeps any from being
-- handled twice when Telegram delivers them again. The body is cleared once handled (it holds
-- what people typed); the row stays a day, as long as Telegram may redeliver it.
CREATE TABLE update_journal (
    update_id    INTEGER PRIMARY KEY,
    body         TEXT,
    received_at  TEXT NOT NULL,
    handled_at   TEXT
);

CREATE INDEX update_journal_unhandled ON update_journal (update_id) WHERE handled_at IS NULL;
