-- The inbox at a million reports: counting and paging a status, category or region (the
-- inbox's filters) read these indexes alone, never the rows' text. Partial, as the inbox
-- only ever shows reports that are neither hidden nor merged; newest first by created_at.
CREATE INDEX submissions_inbox_status ON submissions (status, created_at)
    WHERE hidden = 0 AND merged_into IS NULL;
CREATE INDEX submissions_inbox_category ON submissions (category_id, created_at)
    WHERE hidden = 0 AND merged_into IS NULL;
CREATE INDEX submissions_inbox_region ON submissions (region_id, created_at)
    WHERE hidden = 0 AND merged_into IS NULL;
