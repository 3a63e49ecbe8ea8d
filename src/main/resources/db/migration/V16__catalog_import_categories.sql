-- The import history is read back through the API as the same report the import returned, so it keeps
-- how many categories the feed brought too.
alter table catalog_import add column categories integer not null default 0;
