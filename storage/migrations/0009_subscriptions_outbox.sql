-- Subscriptions and the delivery outbox. The scheduler only decides what is due and writes it
-- here first; one paced sender then delivers the rows, so a restart resumes where it stopped.
CREATE TABLE subscriptions (
    user_id        INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    meetings       INTEGER NOT NULL DEFAULT 1 CHECK (meetings IN (0, 1)),
    bills          TEXT NOT NULL DEFAULT 'all' CHECK (bills IN ('none', 'all', 'followed')),
    announcements  INTEGER NOT NULL DEFAULT 1 CHECK (announcements IN (0, 1)),
    frequency      TEXT NOT NULL DEFAULT 'daily'
                   CHECK (frequency IN ('immediate', 'daily', 'weekly')),
    hour           INTEGER NOT NULL DEFAULT 9 CHECK (hour BETWEEN 0 AND 23),
    -- Monday = 0 ... Sunday = 6, as Python counts them.
    weekday        INTEGER NOT NULL DEFAULT 0 CHECK (weekday BETWEEN 0 AND 6),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- The last content_events.id this subscriber's digests covered.
    event_cursor   INTEGER NOT NULL DEFAULT 0,
    -- The next digest slot (UTC); NULL for immediate subscribers.
    next_due_at    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE INDEX subscriptions_due ON subscriptions (active, frequency, next_due_at);

CREATE TABLE subscription_categories (
    user_id      INTEGER NOT NULL REFERENCES subscriptions (user_id) ON DELETE CASCADE,
    category_id  TEXT NOT NULL REFERENCES categories (id),
    PRIMARY KEY (user_id, category_id)
);

-- One delivery per digest slot, notice or reminder: what /delivery reports progress on.
CREATE TABLE deliveries (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('digest', 'notice', 'reminder')),
    created_at  TEXT NOT NULL
);

-- One row per message part to one subscriber, unique per delivery: enqueuing twice is harmless.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    delivery_id  INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    part         INTEGER NOT NULL DEFAULT 0,
    text         TEXT NOT NULL,
    buttons      TEXT,
    not_before   TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    created_at   TEXT NOT NULL,
    sent_at      TEXT,
    UNIQUE (delivery_id, user_id, part)
);

CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';
CREATE INDEX outbox_delivery_status ON outbox (delivery_id, status);
CREATE INDEX outbox_user ON outbox (user_id);

-- Submitters told once that an item sharing their submission's category moved.
CREATE TABLE submitter_notices (
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_type    TEXT NOT NULL CHECK (item_type IN ('meeting', 'bill')),
    item_id      INTEGER NOT NULL,
    notified_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, item_type, item_id)
);

-- How far the watchers' pass (reminder holders, related submitters) has read content_events.
CREATE TABLE dispatch_cursors (
    name      TEXT PRIMARY KEY,
    event_id  INTEGER NOT NULL
);
