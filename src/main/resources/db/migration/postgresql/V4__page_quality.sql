-- Estimated quality of each page: the skew measured on the scan (degrees, positive when lines
-- descend to the right), the contrast of paper and ink after background normalisation (0-255),
-- and why the page is flagged for review (NULL when it is not).
ALTER TABLE page ADD COLUMN skew_deg DOUBLE PRECISION;
ALTER TABLE page ADD COLUMN contrast INT;
ALTER TABLE page ADD COLUMN review VARCHAR(1000);
