-- Every SMS Beseda handed to the HTTP gateway for one outbound message (a text longer than the gateway takes in
-- one request goes as several): a send retried after a failure part-way skips the parts the gateway already took.
create table sms_gateway_part (
    workspace_id         uuid not null references workspace (id),
    message_id           uuid not null references outbound_message (id),
    part                 int not null,
    provider_message_id  text not null,
    sent_at              timestamptz not null,
    primary key (message_id, part)
);

-- The answer options last offered to a phone through an account (SMS has no buttons: they go as numbered lines),
-- so that a reply "2" is taken as a press of the second button.
create table sms_gateway_offer (
    workspace_id uuid not null references workspace (id),
    account_id  uuid not null references channel_account (id),
    phone       text not null,
    options     jsonb not null,
    offered_at  timestamptz not null,
    primary key (account_id, phone)
);
