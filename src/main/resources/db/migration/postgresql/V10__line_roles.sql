-- Each text line's layout role as the layout step found it (headline, body, caption,
-- running_head, masthead, jump_from, jump_to, noise): kept, not thrown away, so layout can be
-- checked and replayed from the database. NULL until the page has been through the layout step.
ALTER TABLE text_line ADD COLUMN role VARCHAR(16);
