-- The bot (issue 5): per-workspace settings and texts, the examples a shop adds to the shipped intent set,
-- the knowledge base, one session per stretch of a conversation the bot holds, every turn it took (for
-- containment, hand-off reasons and fallback rate), and the return requests it opens.
create table bot_settings (
    workspace_id          uuid primary key references workspace (id),
    enabled               boolean not null default false,
    confidence_threshold  numeric(3, 2) not null default 0.35 check (confidence_threshold between 0.05 and 0.95),
    texts                 jsonb not null default '{}',
    updated_at            timestamptz not null
);

create table bot_example (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    intent        text not null,
    text          text not null check (length(text) between 1 and 500),
    created_at    timestamptz not null,
    unique (workspace_id, intent, text)
);

create table bot_knowledge (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    question      text not null check (length(question) between 1 and 500),
    answer        text not null check (length(answer) between 1 and 4000),
    updated_at    timestamptz not null
);
create index bot_knowledge_workspace on bot_knowledge (workspace_id);

create table bot_session (
    id                 uuid primary key,
    workspace_id       uuid not null references workspace (id),
    conversation_id    uuid not null references conversation (id),
    started_at         timestamptz not null,
    updated_at         timestamptz not null,
    awaiting           text,
    intent             text,
    misunderstandings  integer not null default 0,
    collected          jsonb not null default '{}',
    tried              jsonb not null default '[]',
    handed_off_at      timestamptz,
    handoff_reason     text
);
create index bot_session_conversation on bot_session (conversation_id, started_at desc);
create index bot_session_workspace on bot_session (workspace_id, started_at);

create table bot_turn (
    id               uuid primary key,
    workspace_id     uuid not null references workspace (id),
    session_id       uuid not null references bot_session (id),
    message_id       uuid not null unique,
    intent           text,
    confidence       real,
    outcome          text not null,
    created_at       timestamptz not null
);
create index bot_turn_workspace on bot_turn (workspace_id, created_at);

create sequence return_request_number;
create table return_request (
    id               uuid primary key,
    workspace_id     uuid not null references workspace (id),
    number           bigint not null default nextval('return_request_number'),
    customer_id      uuid not null,
    conversation_id  uuid not null references conversation (id),
    order_number     text,
    reason           text not null,
    photos           jsonb not null default '[]',
    status           text not null default 'OPEN',
    created_at       timestamptz not null
);
create index return_request_workspace on return_request (workspace_id, created_at desc);
