-- A document's export name: its folder under the output folder, its searchable PDF's name, its
-- key in the search index and the prefix of its article ids. Derived from the file name when
-- the document is registered (org.inkstone.store.ExportNames), safe as one folder name, and
-- unique regardless of letter case (export_key holds it in lower case). NULL for documents
-- that could not be read, which export nothing; documents of earlier versions get theirs at
-- the next run's catalog step.
ALTER TABLE document ADD COLUMN export_name VARCHAR(255);
ALTER TABLE document ADD COLUMN export_key VARCHAR(255);
ALTER TABLE document ADD CONSTRAINT document_export_key_un UNIQUE (export_key);
