-- Files customers and operators exchange: a photo of a product to order, of a defect to return.
-- Kept in the workspace's database with the rest of its personal data; served by an unguessable link.
create table attachment (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    name          text,
    mime_type     text not null,
    size_bytes    bigint not null check (size_bytes > 0),
    content       bytea not null,
    created_at    timestamptz not null default now()
);
create index attachment_by_workspace on attachment (workspace_id, created_at);

-- Outbound messages may carry quick-reply buttons and files.
alter table outbound_message
    add column quick_replies jsonb not null default '[]'::jsonb,
    add column attachments   jsonb not null default '[]'::jsonb;
alter table sandbox_message
    add column quick_replies jsonb not null default '[]'::jsonb,
    add column attachments   jsonb not null default '[]'::jsonb;

-- Inbound messages remember the account they came through (it decides the inbox) and what else they carried.
alter table inbound_message
    add column account_id uuid references channel_account (id),
    add column location   jsonb,
    add column contact    jsonb;
create index outbound_message_by_provider_id on outbound_message (workspace_id, provider_message_id) where provider_message_id is not null;
