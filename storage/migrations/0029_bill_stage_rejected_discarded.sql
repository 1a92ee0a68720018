-- Two more ways a bill ends, as the National Assembly's 의안정보시스템 names them: 부결
-- (rejected) and 폐기 (discarded). SQLite cannot widen a CHECK in place, so the table is
-- rebuilt with the same rows and ids. Dropping the old table sets content_events.stage_id to
-- NULL (ON DELETE SET NULL), so the links are kept aside first and put back after.
CREATE TABLE bill_stages_rebuilt (
    id           INTEGER PRIMARY KEY,
    bill_id      INTEGER NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
    stage        TEXT NOT NULL
                 CHECK (stage IN ('submitted', 'referred', 'committee_review', 'judiciary_review',
                                  'plenary_passed', 'sent_to_government', 'promulgated',
                                  'in_force', 'merged', 'expired', 'withdrawn', 'rejected',
                                  'discarded')),
    on_date      TEXT NOT NULL,
    note_ko      TEXT,
    note_en      TEXT,
    recorded_at  TEXT NOT NULL,
    source       TEXT NOT NULL DEFAULT 'admin' CHECK (source IN ('admin', 'assembly')),
    UNIQUE (bill_id, stage)
);

INSERT INTO bill_stages_rebuilt
    (id, bill_id, stage, on_date, note_ko, note_en, recorded_at, source)
SELECT id, bill_id, stage, on_date, note_ko, note_en, recorded_at, source FROM bill_stages;

CREATE TEMP TABLE stage_links_kept AS
SELECT id, stage_id FROM content_events WHERE stage_id IS NOT NULL;

DROP TABLE bill_stages;

ALTER TABLE bill_stages_rebuilt RENAME TO bill_stages;

UPDATE content_events
SET stage_id = (SELECT kept.stage_id FROM stage_links_kept AS kept WHERE kept.id = content_events.id)
WHERE id IN (SELECT id FROM stage_links_kept);

DROP TABLE stage_links_kept;
