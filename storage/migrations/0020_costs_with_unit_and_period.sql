-- A cost as owners say it: an amount or a range (low..high, equal for one amount), a unit
-- (hours or won, one set of columns each) and how often it recurs. The old columns held a
-- monthly figure (the question asked for a month), so existing rows become "per month".
ALTER TABLE submissions ADD COLUMN cost_hours_low INTEGER CHECK (cost_hours_low >= 0);
ALTER TABLE submissions ADD COLUMN cost_hours_high INTEGER CHECK (cost_hours_high >= 0);
ALTER TABLE submissions ADD COLUMN cost_hours_period TEXT
    CHECK (cost_hours_period IN ('one_off', 'day', 'week', 'month', 'year'));
ALTER TABLE submissions ADD COLUMN cost_won_low INTEGER CHECK (cost_won_low >= 0);
ALTER TABLE submissions ADD COLUMN cost_won_high INTEGER CHECK (cost_won_high >= 0);
ALTER TABLE submissions ADD COLUMN cost_won_period TEXT
    CHECK (cost_won_period IN ('one_off', 'day', 'week', 'month', 'year'));

UPDATE submissions
SET cost_hours_low = cost_hours_per_month,
    cost_hours_high = cost_hours_per_month,
    cost_hours_period = 'month'
WHERE cost_hours_per_month IS NOT NULL;

UPDATE submissions
SET cost_won_low = cost_won, cost_won_high = cost_won, cost_won_period = 'month'
WHERE cost_won IS NOT NULL;

ALTER TABLE submissions DROP COLUMN cost_hours_per_month;
ALTER TABLE submissions DROP COLUMN cost_won;

ALTER TABLE submission_drafts ADD COLUMN cost_hours_low INTEGER CHECK (cost_hours_low >= 0);
ALTER TABLE submission_drafts ADD COLUMN cost_hours_high INTEGER CHECK (cost_hours_high >= 0);
ALTER TABLE submission_drafts ADD COLUMN cost_hours_period TEXT
    CHECK (cost_hours_period IN ('one_off', 'day', 'week', 'month', 'year'));
ALTER TABLE submission_drafts ADD COLUMN cost_won_low INTEGER CHECK (cost_won_low >= 0);
ALTER TABLE submission_drafts ADD COLUMN cost_won_high INTEGER CHECK (cost_won_high >= 0);
ALTER TABLE submission_drafts ADD COLUMN cost_won_period TEXT
    CHECK (cost_won_period IN ('one_off', 'day', 'week', 'month', 'year'));

UPDATE submission_drafts
SET cost_hours_low = cost_hours_per_month,
    cost_hours_high = cost_hours_per_month,
    cost_hours_period = 'month'
WHERE cost_hours_per_month IS NOT NULL;

UPDATE submission_drafts
SET cost_won_low = cost_won, cost_won_high = cost_won, cost_won_period = 'month'
WHERE cost_won IS NOT NULL;

ALTER TABLE submission_drafts DROP COLUMN cost_hours_per_month;
ALTER TABLE submission_drafts DROP COLUMN cost_won;
