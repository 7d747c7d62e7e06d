-- Why a document or page failed, as far as retrying goes: INPUT (the file or page itself cannot
-- be digitized: corrupt, encrypted, not a PDF, an unreadable or oversized page; a run does not
-- try it again unless asked to with --retry-failed) or ENVIRONMENT (the machine was at fault:
-- no space left, a file that could not be read, the recogniser failing; the next run retries
-- it). NULL while nothing failed, and for failures recorded by earlier versions (taken as INPUT).
ALTER TABLE document ADD COLUMN error_kind VARCHAR(16);
ALTER TABLE page ADD COLUMN error_kind VARCHAR(16);
