-- Answer deadlines: every submission is due an answer by a calendar day in the configured zone.
-- `due_on` is fixed at receipt (ANSWER_DEADLINE_DAYS later) and never moves, so the on-time
-- rate stays honest; `expected_on` is the later day an administrator announced, with the reason
-- kept in `deadline_changes`. `replied_at` is the first answer or reasoned rejection: what
-- counts as answered. Rows older than this step get their `due_on` at the next start-up, where
-- the configured zone and days are known.
ALTER TABLE submissions ADD COLUMN due_on TEXT;
ALTER TABLE submissions ADD COLUMN expected_on TEXT;
ALTER TABLE submissions ADD COLUMN replied_at TEXT;

UPDATE submissions SET replied_at = (
    SELECT MIN(e.at) FROM submission_events e
    WHERE e.submission_id = submissions.id AND e.status IN ('answered', 'rejected')
);

CREATE INDEX submissions_due_open ON submissions (due_on)
    WHERE status IN ('received', 'in_review', 'forwarded');

CREATE TABLE deadline_changes (
    id             INTEGER PRIMARY KEY,
    submission_id  INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    expected_on    TEXT NOT NULL,
    reason         TEXT NOT NULL,
    actor_id       INTEGER NOT NULL,
    at             TEXT NOT NULL
);

CREATE INDEX deadline_changes_submission ON deadline_changes (submission_id, at);

-- Once-a-day jobs (the administrators' deadline message, the follow-up questions): the day a
-- job ran is written in the same transaction as what it queued, so it runs once per day.
CREATE TABLE daily_runs (
    job  TEXT NOT NULL,
    day  TEXT NOT NULL,
    at   TEXT NOT NULL,
    PRIMARY KEY (job, day)
);
