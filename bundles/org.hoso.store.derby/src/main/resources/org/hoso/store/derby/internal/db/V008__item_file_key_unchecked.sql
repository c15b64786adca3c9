-- A document's file is checked by the store (every write that sets ITEM.FILE_ID reads the file first, and files are
-- never deleted), not by a foreign key: the key's own B-tree and its check of FILE_UNIT cost an imported document
-- 8% of its time (issue 3's import target). `ALTER TABLE t DROP FOREIGN KEY TO r` is Database's own form: Derby named
-- the constraint when V002 created it, and Database looks the name up.
ALTER TABLE ITEM DROP FOREIGN KEY TO FILE_UNIT;
