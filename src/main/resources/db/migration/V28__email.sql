-- Where each e-mail account's mailbox reader stopped: the folder's UIDVALIDITY and the highest UID it has taken
-- in. A reader that reconnects goes on from there; a folder whose UIDVALIDITY changed (rebuilt by the server)
-- is read again from the start, which the stores below make harmless.
create table email_mailbox (
    workspace_id  uuid not null references workspace (id),
    account_id    uuid primary key references channel_account (id),
    uid_validity  bigint not null,
    last_uid      bigint not null,
    updated_at    timestamptz not null
);

-- The customer's latest mail per account, so Beseda's answer goes out as "Re: <their subject>" in their thread.
create table email_thread (
    workspace_id  uuid not null references workspace (id),
    account_id    uuid not null references channel_account (id),
    customer_id   uuid not null references customer (id),
    message_id    text not null,
    subject       text,
    received_at   timestamptz not null,
    primary key (account_id, customer_id)
);

-- Bounces already acted on: a bounce read twice marks and suppresses once.
create table email_bounce (
    workspace_id  uuid not null references workspace (id),
    account_id    uuid not null references channel_account (id),
    message_id    text not null,
    recipient     text,
    hard          boolean not null,
    received_at   timestamptz not null,
    primary key (account_id, message_id)
);
