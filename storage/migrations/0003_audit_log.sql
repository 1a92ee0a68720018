-- Who did what, when, to which records: every administrative action leaves a row here.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor_id     INTEGER NOT NULL,
    action       TEXT NOT NULL,
    target_type  TEXT,
    target_ids   TEXT NOT NULL DEFAULT '[]',
    details      TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_at ON audit_log (at DESC);
