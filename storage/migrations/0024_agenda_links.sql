-- Agenda and outcomes: a submission linked to the meeting that discusses it or the bill that
-- addresses it. Its owner (named or anonymous) hears, once each, that the meeting is scheduled,
-- that it was held (with the outcome), and every stage the bill reaches after the link.
CREATE TABLE submission_links (
    submission_id   INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    item_type       TEXT NOT NULL CHECK (item_type IN ('meeting', 'bill')),
    item_id         INTEGER NOT NULL,
    -- For a bill: the newest stage already recorded when linking; later stages are news.
    since_stage_id  INTEGER NOT NULL DEFAULT 0,
    actor_id        INTEGER NOT NULL,
    linked_at       TEXT NOT NULL,
    PRIMARY KEY (submission_id, item_type, item_id)
);

CREATE INDEX submission_links_item ON submission_links (item_type, item_id);

-- What each linked owner was told, written in the same transaction as the outbox row:
-- `what` is 'scheduled', 'held' or 'stage:<bill_stages.id>'.
CREATE TABLE link_notices (
    submission_id  INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    item_type      TEXT NOT NULL CHECK (item_type IN ('meeting', 'bill')),
    item_id        INTEGER NOT NULL,
    what           TEXT NOT NULL,
    at             TEXT NOT NULL,
    PRIMARY KEY (submission_id, item_type, item_id, what)
);
