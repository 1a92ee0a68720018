-- A report is its topic and its problem: the impact becomes optional like every other detail,
-- so `impact` is rebuilt without NOT NULL (a new column, the values copied, the old one
-- dropped and the new one renamed: SQLite cannot drop a NOT NULL in place, and rebuilding the
-- table would cascade deletes through its children).
ALTER TABLE submissions ADD COLUMN impact_level INTEGER CHECK (impact_level BETWEEN 1 AND 5);
UPDATE submissions SET impact_level = impact;
ALTER TABLE submissions DROP COLUMN impact;
ALTER TABLE submissions RENAME COLUMN impact_level TO impact;

-- Details added to a submitted report are written as a draft that names the report; saving
-- it updates the report instead of making a new one.
ALTER TABLE submission_drafts ADD COLUMN amends INTEGER REFERENCES submissions (id);

-- Similar reports are now shown on the "ready" screen, which follows the problem: a draft
-- waiting at the old similar-reports step resumes there, its answers kept.
UPDATE inputs_in_progress SET step = 'ready', asked = 0
WHERE flow = 'feedback' AND step = 'similar';
