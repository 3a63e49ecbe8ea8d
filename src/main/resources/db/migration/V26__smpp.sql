-- The SMPP connector's own bookkeeping (account-scoped; the account belongs to one workspace).

-- Each SMS part the SMS centre accepted, with its id: receipts come per part, and a retry after a refused part
-- sends only the parts not yet accepted.
create table smpp_part (
    workspace_id    uuid not null references workspace (id),
    account_id      uuid not null references channel_account (id) on delete cascade,
    message_id      uuid not null,
    seq             int not null,
    parts           int not null,
    part_message_id text not null,
    state           text not null default 'SENT' check (state in ('SENT', 'DELIVERED', 'FAILED')),
    submitted_at    timestamptz not null,
    primary key (account_id, message_id, seq)
);
create index smpp_part_by_part_id on smpp_part (account_id, part_message_id);

-- Parts of a customer's long SMS waiting for the others (kept a day at most).
create table smpp_mo_part (
    workspace_id    uuid not null references workspace (id),
    account_id  uuid not null references channel_account (id) on delete cascade,
    sender      text not null,
    reference   int not null,
    total       int not null,
    seq         int not null,
    data_coding smallint not null,
    payload     bytea not null,
    received_at timestamptz not null,
    primary key (account_id, sender, reference, total, seq)
);

-- SMPP gives a customer's SMS no id: the same SMS from the same number within minutes is a redelivery.
create table smpp_mo_seen (
    workspace_id    uuid not null references workspace (id),
    account_id          uuid not null references channel_account (id) on delete cascade,
    fingerprint         text not null,
    provider_message_id text not null,
    seen_at             timestamptz not null,
    primary key (account_id, fingerprint)
);
