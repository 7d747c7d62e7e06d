-- The quarter turn from a page's stored image to the page as read, degrees clockwise (0, 90, 180
-- or 270): the PDF page's /Rotate plus the turn found when the scan itself lies sideways or upside
-- down. Width, height and every box of the page are those of the page turned this way.
ALTER TABLE page ADD COLUMN rotation_deg INT DEFAULT 0 NOT NULL;
