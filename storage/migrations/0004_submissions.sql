-- Submissions: what SME owners report, its history, its evidence and who else has the problem.
-- Identity (user_id, submitter_name, submitter_username) is personal data: user_id is kept only
-- to deliver status updates and to let the owner see their own list; names are snapshotted only
-- for named submissions. /deletemydata clears all three and sets deleted_at.
CREATE TABLE submissions (
    id                     INTEGER PRIMARY KEY,
    receipt_code           TEXT NOT NULL UNIQUE,
    user_id                INTEGER,
    visibility             TEXT NOT NULL CHECK (visibility IN ('named', 'anonymous')),
    submitter_name         TEXT,
    submitter_username     TEXT,
    category_id            TEXT NOT NULL REFERENCES categories (id),
    problem                TEXT NOT NULL,
    law_or_rule            TEXT,
    law_unsure             INTEGER NOT NULL DEFAULT 0 CHECK (law_unsure IN (0, 1)),
    proposal               TEXT,
    impact                 INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    cost_hours_per_month   INTEGER CHECK (cost_hours_per_month >= 0),
    cost_won               INTEGER CHECK (cost_won >= 0),
    region_id              TEXT REFERENCES regions (id),
    company_size_id        TEXT REFERENCES company_sizes (id),
    industry_id            TEXT REFERENCES industries (id),
    status                 TEXT NOT NULL DEFAULT 'received'
                           CHECK (status IN ('received', 'in_review', 'forwarded', 'answered',
                                             'closed', 'rejected')),
    forwarded_to           TEXT,
    answer_text            TEXT,
    answered_at            TEXT,
    answered_by            INTEGER,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    language               TEXT NOT NULL CHECK (language IN ('ko', 'en')),
    merged_into            INTEGER REFERENCES submissions (id),
    hidden                 INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    deleted_at             TEXT,
    CHECK (visibility = 'named' OR (submitter_name IS NULL AND submitter_username IS NULL))
);

CREATE INDEX submissions_status_created ON submissions (status, created_at);
CREATE INDEX submissions_created ON submissions (created_at);
CREATE INDEX submissions_category_created ON submissions (category_id, created_at);
CREATE INDEX submissions_region_created ON submissions (region_id, created_at);
CREATE INDEX submissions_user_created ON submissions (user_id, created_at);
CREATE INDEX submissions_merged_into ON submissions (merged_into);

-- One counter per calendar year (in the configured zone) for SV-YYYY-NNNNNN receipt codes.
CREATE TABLE receipt_sequences (
    year  INTEGER PRIMARY KEY,
    last  INTEGER NOT NULL
);

-- Status history: every change with time, actor (NULL for the submitter or the system) and note.
CREATE TABLE submission_events (
    id             INTEGER PRIMARY KEY,
    submission_id  INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    at             TEXT NOT NULL,
    status         TEXT NOT NULL
                   CHECK (status IN ('received', 'in_review', 'forwarded', 'answered',
                                     'closed', 'rejected')),
    actor_id       INTEGER,
    note           TEXT
);

CREATE INDEX submission_events_submission ON submission_events (submission_id, at);

-- Evidence, by Telegram file id: the bot downloads nothing it does not need.
CREATE TABLE submission_attachments (
    id              INTEGER PRIMARY KEY,
    submission_id   INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    file_id         TEXT NOT NULL,
    file_unique_id  TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('document', 'photo')),
    file_name       TEXT,
    mime_type       TEXT,
    file_size       INTEGER
);

CREATE INDEX submission_attachments_submission ON submission_attachments (submission_id);

-- "Me too": one support per user; user_id becomes NULL when that user erases their data, so the
-- count survives while the person disappears.
CREATE TABLE submission_supporters (
    id             INTEGER PRIMARY KEY,
    submission_id  INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    user_id        INTEGER,
    at             TEXT NOT NULL,
    UNIQUE (submission_id, user_id)
);

CREATE INDEX submission_supporters_user ON submission_supporters (user_id);
