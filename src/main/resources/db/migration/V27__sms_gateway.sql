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
