-- Built-in segments are recognised by a stable key, not by their (translatable, renameable) name:
-- creating them for a workspace is an idempotent insert on this key, and their rule follows the code.
alter table segment add column built_in_key text;
alter table segment add constraint segment_built_in_has_key check (built_in = (built_in_key is not null));
create unique index segment_built_in on segment (workspace_id, built_in_key) where built_in_key is not null;

-- The member list shows who entered most recently first.
create index segment_member_recent on segment_member (workspace_id, segment_id, entered_at desc);
