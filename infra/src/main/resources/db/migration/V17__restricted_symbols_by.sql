-- Restricted symbols get an API (issue 6): who restricted the symbol and when its reason last changed.
-- Rows written before the API have no author (NULL); updated_at starts as created_at.
ALTER TABLE restricted_symbols ADD COLUMN created_by text;
ALTER TABLE restricted_symbols ADD COLUMN updated_at timestamptz;
UPDATE restricted_symbols SET updated_at = created_at WHERE updated_at IS NULL;
ALTER TABLE restricted_symbols ALTER COLUMN updated_at SET NOT NULL;
