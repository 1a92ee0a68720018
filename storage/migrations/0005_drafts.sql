-- A submission being written, saved after every answer so a crash loses at most one message;
-- and the company profile offered back as "same as last time". Both go with /deletemydata.
CREATE TABLE submission_drafts (
    user_id               INTEGER PRIMARY KEY,
    step                  TEXT NOT NULL,
    editing               INTEGER NOT NULL DEFAULT 0 CHECK (editing IN (0, 1)),
    category_id           TEXT REFERENCES categories (id),
    problem               TEXT,
    law_or_rule           TEXT,
    law_unsure            INTEGER NOT NULL DEFAULT 0 CHECK (law_unsure IN (0, 1)),
    proposal              TEXT,
    impact                INTEGER CHECK (impact BETWEEN 1 AND 5),
    cost_hours_per_month  INTEGER CHECK (cost_hours_per_month >= 0),
    cost_won              INTEGER CHECK (cost_won >= 0),
    attachments           TEXT NOT NULL DEFAULT '[]',
    region_id             TEXT REFERENCES regions (id),
    company_size_id       TEXT REFERENCES company_sizes (id),
    industry_id           TEXT REFERENCES industries (id),
    visibility            TEXT CHECK (visibility IN ('named', 'anonymous')),
    language              TEXT NOT NULL CHECK (language IN ('ko', 'en')),
    started_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    reminded_at           TEXT
);

CREATE INDEX submission_drafts_idle ON submission_drafts (reminded_at, updated_at);

CREATE TABLE company_profiles (
    user_id          INTEGER PRIMARY KEY,
    region_id        TEXT REFERENCES regions (id),
    company_size_id  TEXT REFERENCES company_sizes (id),
    industry_id      TEXT REFERENCES industries (id),
    updated_at       TEXT NOT NULL
);
