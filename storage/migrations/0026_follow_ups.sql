-- "Did it help?": FOLLOW_UP_DAYS after a submission is resolved (answered, or a linked bill
-- promulgated) its owner is asked whether the burden went away. The row is written in the same
-- transaction as the question's outbox row, so each submission is asked once; the answer, an
-- optional note and the new monthly cost follow as the owner gives them.
CREATE TABLE follow_ups (
    submission_id        INTEGER PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
    resolved_at          TEXT NOT NULL,
    asked_at             TEXT NOT NULL,
    result               TEXT CHECK (result IN ('gone', 'smaller', 'unchanged', 'worse')),
    answered_at          TEXT,
    note                 TEXT,
    new_hours_per_month  INTEGER CHECK (new_hours_per_month >= 0),
    new_won              INTEGER CHECK (new_won >= 0),
    -- 1 while the owner may still add a note to this answer.
    awaiting_note        INTEGER NOT NULL DEFAULT 0 CHECK (awaiting_note IN (0, 1))
);
