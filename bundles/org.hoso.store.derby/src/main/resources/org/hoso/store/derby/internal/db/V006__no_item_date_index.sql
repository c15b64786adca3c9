-- No query reads documents by date from the database: files are found by period through FILE_YEAR, and documents
-- by date through the search index (issue 5). The index cost every imported document a B-tree insert.
DROP INDEX ITEM_DATE;
