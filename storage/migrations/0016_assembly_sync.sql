-- Bill stages read from the National Assembly's open API, told apart from those an
-- administrator entered (or imported) by hand, which the sync never overwrites; and the
-- Assembly's own id for each tracked bill, found once by its bill number.
ALTER TABLE bill_stages ADD COLUMN source TEXT NOT NULL DEFAULT 'admin'
    CHECK (source IN ('admin', 'assembly'));

ALTER TABLE bills ADD COLUMN assembly_bill_id TEXT;

ALTER TABLE bills ADD COLUMN assembly_synced_at TEXT;
