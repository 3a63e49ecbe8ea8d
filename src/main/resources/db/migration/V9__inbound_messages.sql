-- What customers wrote, stored once per provider message id, whatever the provider redelivers.
create table inbound_message (
    id                   uuid primary key,
    workspace_id         uuid not null references workspace (id),
    channel              text not null,
    provider_message_id  text not null,
    customer_id          uuid not null references customer (id),
    sender               text not null,
    sender_name          text,
    text                 text,
    attachments          jsonb not null default '[]'::jsonb,
    button_payload       text,
    sent_at              timestamptz not null,
    received_at          timestamptz not null,
    unique (workspace_id, channel, provider_message_id)
);
create index inbound_message_by_customer on inbound_message (workspace_id, customer_id, sent_at desc);
