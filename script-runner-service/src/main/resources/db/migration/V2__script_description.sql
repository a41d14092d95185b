-- The admin API (issue #8) keeps a free-text description per version; realm YAML imports leave it empty.
ALTER TABLE scripts ADD COLUMN description text;
