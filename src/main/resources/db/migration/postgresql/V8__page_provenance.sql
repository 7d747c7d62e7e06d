-- How each page's lines were found and read, recorded when the page is stored: the line
-- detector (NULL when the recogniser found the lines itself), the recogniser and its version,
-- the model with its file and SHA-256, and the settings actually used ("name=value; ...").
-- NULL for pages stored by earlier versions.
ALTER TABLE page ADD COLUMN detector VARCHAR(64);
ALTER TABLE page ADD COLUMN recognizer VARCHAR(64);
ALTER TABLE page ADD COLUMN recognizer_version VARCHAR(64);
ALTER TABLE page ADD COLUMN model VARCHAR(255);
ALTER TABLE page ADD COLUMN model_file VARCHAR(1024);
ALTER TABLE page ADD COLUMN model_sha256 VARCHAR(64);
ALTER TABLE page ADD COLUMN ocr_settings VARCHAR(4000);
