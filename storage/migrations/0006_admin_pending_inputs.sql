-- What an administrator was asked to type (a ministry, an answer, a reason, the original of a
-- duplicate) and for which submission: kept here, not in PTB's memory, so a restart between the
-- button and the typed text loses nothing.
CREATE TABLE admin_pending_inputs (
    admin_id       INTEGER PRIMARY KEY,
    action         TEXT NOT NULL
                   CHECK (action IN ('forward', 'answer', 'reject', 'duplicate')),
    submission_id  INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    asked_at       TEXT NOT NULL
);
