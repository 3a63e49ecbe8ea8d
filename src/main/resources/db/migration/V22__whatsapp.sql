-- Message templates providers approved for an account (WhatsApp's), as last fetched from the provider: outside
-- WhatsApp's 24-hour window only these may be sent. Replaced by every sync; a template keeps its id across syncs.
create table message_template (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    account_id    uuid not null references channel_account (id) on delete cascade,
    channel       text not null,
    name          text not null,
    language      text not null,
    category      text not null,
    status        text not null,
    text          text not null,
    parameters    text[] not null,
    sendable      boolean not null,
    synced_at     timestamptz not null,
    unique (account_id, name, language)
);
create index message_template_by_workspace on message_template (workspace_id, account_id);
