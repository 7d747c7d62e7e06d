-- How sure the layout analysis is that a fragment's pieces (column segments, blocks of vertical
-- lines) belong together, 0-1: 1 under one title or continuation line, less for pieces joined by
-- weaker evidence (columns starting level, a column below, a column beside).
ALTER TABLE article_fragment ADD COLUMN layout_confidence DOUBLE PRECISION DEFAULT 1 NOT NULL;
