-- /stats and the burden table at a million reports: figures kept current by triggers in the
-- same transaction as each change to a submission, a supporter or a follow-up, whoever makes
-- it (intake, review, merges, erasure, the retention purge), so a read adds up a few rows
-- instead of every report. "Counted" is what every figure counts: neither hidden, merged nor
-- deleted. Columns that may be NULL are tallied under '' (no id or law is ever '').

-- How many supporters each submission has, so the "most supported" list and the burden table
-- read a column instead of counting supporters per report.
ALTER TABLE submissions ADD COLUMN supporters INTEGER NOT NULL DEFAULT 0;

UPDATE submissions SET supporters = (
    SELECT COUNT(*) FROM submission_supporters p WHERE p.submission_id = submissions.id
) WHERE id IN (SELECT submission_id FROM submission_supporters);

CREATE TRIGGER submission_supporters_count_insert AFTER INSERT ON submission_supporters BEGIN
    UPDATE submissions SET supporters = supporters + 1 WHERE id = new.submission_id;
END;

CREATE TRIGGER submission_supporters_count_delete AFTER DELETE ON submission_supporters BEGIN
    UPDATE submissions SET supporters = supporters - 1 WHERE id = old.submission_id;
END;

CREATE TRIGGER submission_supporters_count_move
AFTER UPDATE OF submission_id ON submission_supporters BEGIN
    UPDATE submissions SET supporters = supporters - 1 WHERE id = old.submission_id;
    UPDATE submissions SET supporters = supporters + 1 WHERE id = new.submission_id;
END;

-- Counted submissions per value of one dimension: 'total' (value ''), 'status', 'category_id',
-- 'region_id', 'company_size_id', 'answered' (has an official answer), 'replied' (has a due day
-- and a reply), 'open_due' (open, due day as value, no reply yet) and 'follow_up' (a follow-up
-- asked, its result as value, '' before one). A count that falls to 0 is deleted.
CREATE TABLE submission_tallies (
    dimension  TEXT NOT NULL,
    value      TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (dimension, value)
) WITHOUT ROWID;

-- The burden league table's sums per law text as typed and category (the service folds texts
-- onto law lines through the alias table, which can change), in the units of the *_key
-- columns below.
CREATE TABLE burden_tallies (
    law_or_rule   TEXT NOT NULL,
    category_id   TEXT NOT NULL,
    submissions   INTEGER NOT NULL,
    supporters    INTEGER NOT NULL,
    hours_month_n INTEGER NOT NULL,
    hours_month   INTEGER NOT NULL,
    won_month_n   INTEGER NOT NULL,
    won_month     INTEGER NOT NULL,
    won_once_n    INTEGER NOT NULL,
    won_once      INTEGER NOT NULL,
    hours_once_n  INTEGER NOT NULL,
    hours_once    INTEGER NOT NULL,
    PRIMARY KEY (law_or_rule, category_id)
) WITHOUT ROWID;

-- One row per submission and dimension it counts in; the triggers add them up with +1 or -1.
CREATE VIEW submission_tally_rows AS
SELECT id, 'total' AS dimension, '' AS value FROM submissions
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
UNION ALL SELECT id, 'status', status FROM submissions
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
UNION ALL SELECT id, 'category_id', COALESCE(category_id, '') FROM submissions
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
UNION ALL SELECT id, 'region_id', COALESCE(region_id, '') FROM submissions
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
UNION ALL SELECT id, 'company_size_id', COALESCE(company_size_id, '') FROM submissions
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
UNION ALL SELECT id, 'answered', '' FROM submissions
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL AND answered_at IS NOT NULL
UNION ALL SELECT id, 'replied', '' FROM submissions
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL AND due_on IS NOT NULL
        AND replied_at IS NOT NULL
UNION ALL SELECT id, 'open_due', due_on FROM submissions
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL AND due_on IS NOT NULL
        AND replied_at IS NULL AND status IN ('forwarded', 'in_review', 'received')
UNION ALL SELECT s.id, 'follow_up', COALESCE(f.result, '') FROM submissions s
    JOIN follow_ups f ON f.submission_id = s.id
    WHERE s.hidden = 0 AND s.merged_into IS NULL AND s.deleted_at IS NULL;

-- Each submission's costs as the burden table adds them, in whole units so sums are exact:
-- a midpoint is (low + high) / 2 rounded down, as Cost.midpoint; a recurring cost's key is its
-- midpoint times 365 (a day), 52 (a week), 12 (a month) or 1 (a year), twelve times its
-- monthly figure; a one-off cost's key is its midpoint. NULL where the cost is not of that kind.
ALTER TABLE submissions ADD COLUMN hours_month_key INTEGER GENERATED ALWAYS AS (
    (cost_hours_low + cost_hours_high) / 2 * CASE cost_hours_period
        WHEN 'day' THEN 365 WHEN 'week' THEN 52 WHEN 'month' THEN 12 WHEN 'year' THEN 1 END
) VIRTUAL;
ALTER TABLE submissions ADD COLUMN won_month_key INTEGER GENERATED ALWAYS AS (
    (cost_won_low + cost_won_high) / 2 * CASE cost_won_period
        WHEN 'day' THEN 365 WHEN 'week' THEN 52 WHEN 'month' THEN 12 WHEN 'year' THEN 1 END
) VIRTUAL;
ALTER TABLE submissions ADD COLUMN won_once_key INTEGER GENERATED ALWAYS AS (
    CASE WHEN cost_won_period = 'one_off' THEN (cost_won_low + cost_won_high) / 2 END
) VIRTUAL;
ALTER TABLE submissions ADD COLUMN hours_once_key INTEGER GENERATED ALWAYS AS (
    CASE WHEN cost_hours_period = 'one_off' THEN (cost_hours_low + cost_hours_high) / 2 END
) VIRTUAL;

-- Each counted submission's burden figures, as burden_tallies keeps them.
CREATE VIEW burden_rows AS
SELECT id, COALESCE(law_or_rule, '') AS law_or_rule, COALESCE(category_id, '') AS category_id,
    supporters, hours_month_key AS hours_month, won_month_key AS won_month,
    won_once_key AS won_once, hours_once_key AS hours_once
FROM submissions WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL;

INSERT INTO submission_tallies (dimension, value, n)
SELECT dimension, value, COUNT(*) FROM submission_tally_rows GROUP BY dimension, value;

INSERT INTO burden_tallies
SELECT law_or_rule, category_id, COUNT(*), SUM(supporters),
    COUNT(hours_month), COALESCE(SUM(hours_month), 0), COUNT(won_month),
    COALESCE(SUM(won_month), 0), COUNT(won_once), COALESCE(SUM(won_once), 0),
    COUNT(hours_once), COALESCE(SUM(hours_once), 0)
FROM burden_rows GROUP BY law_or_rule, category_id;

-- Counting a submission in (+1) or out (-1) of every tally it belongs to, as it stands: one
-- body for the triggers below, which insert (submission id, +1 or -1) here.
CREATE VIEW submission_tally_changes AS SELECT 0 AS id, 0 AS delta WHERE 0;

CREATE TRIGGER submission_tally_change INSTEAD OF INSERT ON submission_tally_changes BEGIN
    INSERT INTO submission_tallies (dimension, value, n)
    SELECT dimension, value, new.delta FROM submission_tally_rows WHERE id = new.id
    ON CONFLICT (dimension, value) DO UPDATE SET n = n + excluded.n;
    INSERT INTO burden_tallies
    SELECT law_or_rule, category_id, new.delta, new.delta * supporters,
        new.delta * (hours_month IS NOT NULL), new.delta * COALESCE(hours_month, 0),
        new.delta * (won_month IS NOT NULL), new.delta * COALESCE(won_month, 0),
        new.delta * (won_once IS NOT NULL), new.delta * COALESCE(won_once, 0),
        new.delta * (hours_once IS NOT NULL), new.delta * COALESCE(hours_once, 0)
    FROM burden_rows WHERE id = new.id
    ON CONFLICT (law_or_rule, category_id) DO UPDATE SET
        submissions = submissions + excluded.submissions,
        supporters = supporters + excluded.supporters,
        hours_month_n = hours_month_n + excluded.hours_month_n,
        hours_month = hours_month + excluded.hours_month,
        won_month_n = won_month_n + excluded.won_month_n,
        won_month = won_month + excluded.won_month,
        won_once_n = won_once_n + excluded.won_once_n,
        won_once = won_once + excluded.won_once,
        hours_once_n = hours_once_n + excluded.hours_once_n,
        hours_once = hours_once + excluded.hours_once;
    -- A law text no counted report has any more leaves no trace (it may name a person).
    DELETE FROM burden_tallies WHERE submissions = 0 AND (law_or_rule, category_id) IN (
        SELECT law_or_rule, category_id FROM burden_rows WHERE id = new.id
    );
    DELETE FROM submission_tallies WHERE n = 0 AND (dimension, value) IN (
        SELECT dimension, value FROM submission_tally_rows WHERE id = new.id
    );
END;

-- A submission leaves its tallies before it changes (or goes) and joins them again after.
-- Leaving before a delete also takes its follow-up out, which the cascade removes before any
-- AFTER trigger could see it.
CREATE TRIGGER submissions_tallies_insert AFTER INSERT ON submissions BEGIN
    INSERT INTO submission_tally_changes VALUES (new.id, 1);
END;

CREATE TRIGGER submissions_tallies_leave
BEFORE UPDATE OF hidden, merged_into, deleted_at, status, category_id, region_id,
    company_size_id, answered_at, replied_at, due_on, law_or_rule, supporters,
    cost_hours_low, cost_hours_high, cost_hours_period, cost_won_low, cost_won_high,
    cost_won_period ON submissions BEGIN
    INSERT INTO submission_tally_changes VALUES (old.id, -1);
END;

CREATE TRIGGER submissions_tallies_join
AFTER UPDATE OF hidden, merged_into, deleted_at, status, category_id, region_id,
    company_size_id, answered_at, replied_at, due_on, law_or_rule, supporters,
    cost_hours_low, cost_hours_high, cost_hours_period, cost_won_low, cost_won_high,
    cost_won_period ON submissions BEGIN
    INSERT INTO submission_tally_changes VALUES (new.id, 1);
END;

CREATE TRIGGER submissions_tallies_delete BEFORE DELETE ON submissions BEGIN
    INSERT INTO submission_tally_changes VALUES (old.id, -1);
END;

-- A follow-up counts while its submission does (a deleted submission's were taken out above).
CREATE TRIGGER follow_ups_tallies_insert AFTER INSERT ON follow_ups BEGIN
    INSERT INTO submission_tallies (dimension, value, n)
    SELECT 'follow_up', COALESCE(new.result, ''), 1 FROM submissions
    WHERE id = new.submission_id AND hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
    ON CONFLICT (dimension, value) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER follow_ups_tallies_update AFTER UPDATE OF result ON follow_ups BEGIN
    UPDATE submission_tallies SET n = n - 1
    WHERE dimension = 'follow_up' AND value = COALESCE(old.result, '') AND EXISTS (
        SELECT 1 FROM submissions WHERE id = old.submission_id
            AND hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
    );
    DELETE FROM submission_tallies
    WHERE dimension = 'follow_up' AND value = COALESCE(old.result, '') AND n = 0;
    INSERT INTO submission_tallies (dimension, value, n)
    SELECT 'follow_up', COALESCE(new.result, ''), 1 FROM submissions
    WHERE id = new.submission_id AND hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
    ON CONFLICT (dimension, value) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER follow_ups_tallies_delete AFTER DELETE ON follow_ups BEGIN
    UPDATE submission_tallies SET n = n - 1
    WHERE dimension = 'follow_up' AND value = COALESCE(old.result, '') AND EXISTS (
        SELECT 1 FROM submissions WHERE id = old.submission_id
            AND hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
    );
    DELETE FROM submission_tallies
    WHERE dimension = 'follow_up' AND value = COALESCE(old.result, '') AND n = 0;
END;

-- Reads that stay proportional to what they show, not to every report: the weeks on the chart,
-- the most supported open reports, the median row of the answer times and of each cost, and
-- the replies counted on time per due day.
CREATE INDEX submissions_counted_category_created ON submissions (category_id, created_at)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL;

CREATE INDEX submissions_most_supported_open ON submissions (supporters DESC, created_at, id)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
        AND status IN ('received', 'in_review', 'forwarded');

CREATE INDEX submissions_answer_time
    ON submissions ((julianday(answered_at) - julianday(created_at)), created_at, answered_at)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL AND answered_at IS NOT NULL;

CREATE INDEX submissions_replied_by_due ON submissions (due_on, replied_at)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL AND due_on IS NOT NULL
        AND replied_at IS NOT NULL;

-- The median row of each cost, over all counted submissions, per category and per law text.
CREATE INDEX submissions_burden_hours_month ON submissions (hours_month_key)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
        AND hours_month_key IS NOT NULL;
CREATE INDEX submissions_burden_hours_month_category
    ON submissions (category_id, hours_month_key)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
        AND hours_month_key IS NOT NULL;
CREATE INDEX submissions_burden_hours_month_law ON submissions (law_or_rule, hours_month_key)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
        AND hours_month_key IS NOT NULL;
CREATE INDEX submissions_burden_won_month ON submissions (won_month_key)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
        AND won_month_key IS NOT NULL;
CREATE INDEX submissions_burden_won_month_category ON submissions (category_id, won_month_key)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
        AND won_month_key IS NOT NULL;
CREATE INDEX submissions_burden_won_month_law ON submissions (law_or_rule, won_month_key)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
        AND won_month_key IS NOT NULL;
CREATE INDEX submissions_burden_won_once ON submissions (won_once_key)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
        AND won_once_key IS NOT NULL;
CREATE INDEX submissions_burden_won_once_category ON submissions (category_id, won_once_key)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
        AND won_once_key IS NOT NULL;
CREATE INDEX submissions_burden_won_once_law ON submissions (law_or_rule, won_once_key)
    WHERE hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL
        AND won_once_key IS NOT NULL;
