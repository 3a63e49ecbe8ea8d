-- One thread per customer, whatever the channel: what they wrote, what the shop answered, private notes.
create table conversation (
    id               uuid primary key,
    workspace_id     uuid not null references workspace (id),
    customer_id      uuid not null references customer (id),
    status           text not null check (status in ('OPEN', 'PENDING', 'SNOOZED', 'RESOLVED')),
    last_channel     text not null,
    last_address     text,
    last_message_at  timestamptz not null,
    created_at       timestamptz not null,
    unique (workspace_id, customer_id)
);
create index conversation_inbox on conversation (workspace_id, status, last_message_at desc);

create table conversation_message (
    id                   uuid primary key,
    workspace_id         uuid not null references workspace (id),
    conversation_id      uuid not null references conversation (id),
    direction            text not null check (direction in ('IN', 'OUT', 'NOTE')),
    channel              text,
    text                 text not null,
    author               text,
    inbound_message_id   uuid unique,
    outbound_message_id  uuid,
    created_at           timestamptz not null
);
create index conversation_message_thread on conversation_message (workspace_id, conversation_id, created_at);
