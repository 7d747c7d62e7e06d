-- Article fields read from the layout: the kind of item (article, notice, advert), the title's
-- parts (kicker 引题, main headline 主题, subtitle 副题), the byline as printed, and per fragment
-- the mean recognition confidence of its lines (0-1, weighted by characters).
ALTER TABLE article ADD COLUMN kind VARCHAR(16) DEFAULT 'article' NOT NULL;
ALTER TABLE article ADD COLUMN kicker VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE article ADD COLUMN headline VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE article ADD COLUMN subtitle VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE article ADD COLUMN byline VARCHAR(1000) DEFAULT '' NOT NULL;
ALTER TABLE article_fragment ADD COLUMN confidence DOUBLE PRECISION DEFAULT 0 NOT NULL;
