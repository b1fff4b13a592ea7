-- Restricted symbols get an API (issue 6): who restricted the symbol and when its reason last changed.
-- Rows written before the API (or by hand) have no author (NULL); updated_at defaults to the time of the write.
ALTER TABLE restricted_symbols ADD COLUMN created_by text;
ALTER TABLE restricted_symbols ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
UPDATE restricted_symbols SET updated_at = created_at;
