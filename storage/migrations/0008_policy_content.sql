-- Policy content: meetings, bills with their stage history and announcements; the submission
-- categories each item concerns; the feed of changes digests are built from; and what each user
-- asked to hear about one item (a followed bill, a meeting reminder).
-- Texts are stored per language and every one is optional, but an item needs a title in one.
-- `key` is the stable name an import file gives an item, so importing the file again updates it.
CREATE TABLE meetings (
    id            INTEGER PRIMARY KEY,
    key           TEXT UNIQUE,
    kind          TEXT NOT NULL
                  CHECK (kind IN ('policy_council', 'sos_talk', 'advisory_group', 'roundtable',
                                  'other')),
    title_ko      TEXT,
    title_en      TEXT,
    organizer_ko  TEXT,
    organizer_en  TEXT,
    starts_at     TEXT NOT NULL,
    ends_at       TEXT,
    place_ko      TEXT,
    place_en      TEXT,
    online_url    TEXT,
    agenda_ko     TEXT,
    agenda_en     TEXT,
    status        TEXT NOT NULL DEFAULT 'scheduled'
                  CHECK (status IN ('scheduled', 'changed', 'cancelled', 'held')),
    outcome_ko    TEXT,
    outcome_en    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (title_ko IS NOT NULL OR title_en IS NOT NULL),
    CHECK (ends_at IS NULL OR ends_at >= starts_at)
);

CREATE INDEX meetings_starts_at ON meetings (starts_at);

CREATE TABLE bills (
    id            INTEGER PRIMARY KEY,
    key           TEXT UNIQUE,
    name_ko       TEXT,
    name_en       TEXT,
    bill_number   TEXT,
    sponsor_ko    TEXT,
    sponsor_en    TEXT,
    committee_ko  TEXT,
    committee_en  TEXT,
    summary_ko    TEXT,
    summary_en    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (name_ko IS NOT NULL OR name_en IS NOT NULL)
);

-- The National Assembly stages a bill passed, each once, with the day it happened.
CREATE TABLE bill_stages (
    id           INTEGER PRIMARY KEY,
    bill_id      INTEGER NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
    stage        TEXT NOT NULL
                 CHECK (stage IN ('submitted', 'referred', 'committee_review', 'judiciary_review',
                                  'plenary_passed', 'sent_to_government', 'promulgated',
                                  'in_force', 'merged', 'expired', 'withdrawn')),
    on_date      TEXT NOT NULL,
    note_ko      TEXT,
    note_en      TEXT,
    recorded_at  TEXT NOT NULL,
    UNIQUE (bill_id, stage)
);

CREATE TABLE announcements (
    id            INTEGER PRIMARY KEY,
    key           TEXT UNIQUE,
    title_ko      TEXT,
    title_en      TEXT,
    body_ko       TEXT,
    body_en       TEXT,
    published_at  TEXT NOT NULL,
    CHECK (title_ko IS NOT NULL OR title_en IS NOT NULL)
);

-- Which submission categories an item concerns: where a pain point meets a bill or a meeting.
CREATE TABLE content_categories (
    item_type    TEXT NOT NULL CHECK (item_type IN ('meeting', 'bill', 'announcement')),
    item_id      INTEGER NOT NULL,
    category_id  TEXT NOT NULL REFERENCES categories (id),
    PRIMARY KEY (item_type, item_id, category_id)
);

CREATE INDEX content_categories_category ON content_categories (category_id);

-- Every change subscribers may hear of, in order; digests remember the last id they covered.
CREATE TABLE content_events (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    item_type  TEXT NOT NULL CHECK (item_type IN ('meeting', 'bill', 'announcement')),
    item_id    INTEGER NOT NULL,
    change     TEXT NOT NULL
               CHECK (change IN ('created', 'updated', 'cancelled', 'held', 'stage')),
    stage_id   INTEGER REFERENCES bill_stages (id) ON DELETE SET NULL
);

CREATE TABLE bill_follows (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bill_id     INTEGER NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, bill_id)
);

CREATE INDEX bill_follows_bill ON bill_follows (bill_id);

-- "Remind me": the day-before and hour-before reminders are queued once each.
CREATE TABLE meeting_reminders (
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL,
    day_queued_at   TEXT,
    hour_queued_at  TEXT,
    PRIMARY KEY (user_id, meeting_id)
);

CREATE INDEX meeting_reminders_meeting ON meeting_reminders (meeting_id);
