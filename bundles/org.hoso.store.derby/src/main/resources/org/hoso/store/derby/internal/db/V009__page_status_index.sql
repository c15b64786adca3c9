-- The pages in one status across a fonds (those to scan again) are found through this index instead of reading
-- every page of the fonds and its documents one query at a time.
CREATE INDEX PAGE_STATUS ON PAGE (STATUS);
