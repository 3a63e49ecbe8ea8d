-- A workspace's accounts with channel providers (an SMS gateway, a Telegram bot, the sandbox…).
create table channel_account (
    id                uuid primary key,
    workspace_id      uuid not null references workspace (id),
    channel           text not null,
    provider          text not null,
    name              text not null,
    settings          jsonb not null default '{}'::jsonb,
    rate_per_second   int not null default 10 check (rate_per_second > 0),
    enabled           boolean not null default true,
    created_at        timestamptz not null default now()
);
create index channel_account_by_channel on channel_account (workspace_id, channel) where enabled;

-- The outbox: every message anyone sends, from queued to sent, delivered, read or failed.
create table outbound_message (
    id                   uuid primary key,
    workspace_id         uuid not null references workspace (id),
    idempotency_key      text not null,
    customer_id          uuid not null references customer (id),
    channel              text not null,
    category             text not null check (category in ('REPLY', 'SERVICE', 'MARKETING')),
    address              text,
    body                 text not null,
    template             boolean not null default false,
    account_id           uuid references channel_account (id),
    status               text not null check (status in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED')),
    attempts             int not null default 0,
    next_attempt_at      timestamptz not null,
    deadline             timestamptz not null,
    provider_message_id  text,
    failure_reason       text,
    failure_detail       text,
    created_at           timestamptz not null,
    sent_at              timestamptz,
    updated_at           timestamptz not null,
    unique (workspace_id, idempotency_key)
);
create index outbound_message_due on outbound_message (next_attempt_at) where status in ('QUEUED', 'SENDING');
create index outbound_message_by_customer on outbound_message (workspace_id, customer_id, created_at desc);

-- What the sandbox "sent": the sandbox phone page shows it as the customer would see it.
create table sandbox_message (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    message_id    uuid not null references outbound_message (id),
    channel       text not null,
    address       text,
    body          text not null,
    created_at    timestamptz not null default now(),
    unique (workspace_id, message_id)
);
