-- The texts customers agreed to, by version; a consent record points at the exact text shown.
create table consent_text (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    purpose       text not null check (purpose in ('SERVICE', 'MARKETING', 'PD_PROCESSING')),
    version       text not null,
    body          text not null,
    sha256        text not null,
    created_at    timestamptz not null default now(),
    unique (workspace_id, purpose, version)
);

-- The consent ledger: append-only. A withdrawal is a new record. Rows are never updated or deleted,
-- with two exceptions done in a transaction that says so: merging profiles moves records to the
-- surviving profile (beseda.merge), and erasing a customer blanks the personal data in them (address,
-- IP, device) while the fact of consent and its time stay as proof (beseda.erasure).
create table consent_record (
    id             uuid primary key,
    workspace_id   uuid not null references workspace (id),
    customer_id    uuid not null references customer (id),
    purpose        text not null check (purpose in ('SERVICE', 'MARKETING', 'PD_PROCESSING')),
    channel        text,
    address        text,
    granted        boolean not null,
    text_id        uuid references consent_text (id),
    text_version   text,
    text_sha256    text,
    source         text not null check (source in ('CHECKOUT', 'BOT', 'WIDGET', 'IMPORT', 'API', 'OPERATOR', 'STOP', 'UNSUBSCRIBE_LINK')),
    recorded_at    timestamptz not null,
    ip             text,
    device         text,
    proof          jsonb not null default '{}'::jsonb,
    recorded_by    text not null
);
create index consent_record_by_customer on consent_record (workspace_id, customer_id, recorded_at desc);
create index consent_record_current on consent_record (workspace_id, customer_id, purpose, channel, recorded_at desc);

create function consent_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'consent_record is append-only: rows cannot be deleted';
    end if;
    if new.id <> old.id or new.purpose <> old.purpose or new.granted <> old.granted
       or new.recorded_at <> old.recorded_at or new.source <> old.source
       or new.channel is distinct from old.channel or new.text_sha256 is distinct from old.text_sha256 then
        raise exception 'consent_record is append-only: a recorded consent cannot be changed';
    end if;
    if new.customer_id <> old.customer_id and coalesce(current_setting('beseda.merge', true), '') <> 'on' then
        raise exception 'consent_record is append-only: only a profile merge may move it';
    end if;
    if (new.address is distinct from old.address or new.ip is distinct from old.ip
        or new.device is distinct from old.device or new.proof is distinct from old.proof)
       and coalesce(current_setting('beseda.erasure', true), '') <> 'on' then
        raise exception 'consent_record is append-only: only an erasure may blank personal data';
    end if;
    return new;
end $$;
create trigger consent_record_append_only before update or delete on consent_record
    for each row execute function consent_record_append_only();

-- Addresses and customers that must not be messaged (bounces, complaints, legal holds).
create table suppression (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    channel       text,
    address       text,
    customer_id   uuid references customer (id),
    reason        text not null,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    check (address is not null or customer_id is not null)
);
create index suppression_by_address on suppression (workspace_id, address);
create index suppression_by_customer on suppression (workspace_id, customer_id);

-- Each workspace's send policy. Defaults follow common Russian retail practice.
create table send_policy (
    workspace_id                 uuid primary key references workspace (id),
    organisation_type            text not null default 'OTHER' check (organisation_type in ('BANK', 'STATE_OWNED', 'MARKETPLACE', 'OTHER')),
    restricted_channels          text[] not null default array['TELEGRAM', 'WHATSAPP', 'VIBER'],
    marketing_per_day            int not null default 2,
    marketing_per_week           int not null default 5,
    marketing_per_day_channel    int not null default 1,
    marketing_per_week_channel   int not null default 3,
    quiet_from                   time not null default '21:00',
    quiet_to                     time not null default '09:00',
    service_in_quiet_hours       boolean not null default true,
    updated_at                   timestamptz not null default now(),
    updated_by                   text not null default 'system'
);

-- Every decision of the send policy, so "why was this not sent?" has an answer.
create table send_decision (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    customer_id   uuid not null references customer (id),
    channel       text not null,
    category      text not null check (category in ('REPLY', 'SERVICE', 'MARKETING')),
    decided_at    timestamptz not null,
    outcome       text not null check (outcome in ('ALLOW', 'DEFER', 'DENY')),
    defer_until   timestamptz,
    reason        text not null,
    detail        text,
    dry_run       boolean not null default false,
    message_ref   text,
    decided_by    text not null
);
create index send_decision_by_customer on send_decision (workspace_id, customer_id, decided_at desc);

-- Marketing messages actually sent, counted by the frequency caps.
create table marketing_send (
    id            bigint generated always as identity primary key,
    workspace_id  uuid not null references workspace (id),
    customer_id   uuid not null references customer (id),
    channel       text not null,
    sent_at       timestamptz not null,
    message_ref   text
);
create index marketing_send_by_customer on marketing_send (workspace_id, customer_id, sent_at desc);

-- When the customer last wrote in a channel: WhatsApp only allows free-form messages within 24 hours.
create table customer_channel_activity (
    workspace_id      uuid not null references workspace (id),
    customer_id       uuid not null references customer (id),
    channel           text not null,
    last_inbound_at   timestamptz not null,
    primary key (workspace_id, customer_id, channel)
);

-- Data subject requests (152-FZ): export, erasure, stop processing, with their statutory deadlines.
create table data_request (
    id             uuid primary key,
    workspace_id   uuid not null references workspace (id),
    customer_id    uuid not null references customer (id),
    kind           text not null check (kind in ('EXPORT', 'ERASURE', 'STOP_PROCESSING')),
    status         text not null check (status in ('OPEN', 'DONE', 'REJECTED')),
    received_at    timestamptz not null,
    due_at         timestamptz not null,
    completed_at   timestamptz,
    requested_via  text not null,
    note           text,
    result         jsonb,
    handled_by     text
);
create index data_request_open on data_request (workspace_id, status, due_at);

-- Who changed consents and policies, and who erased data.
create table audit_log (
    id            bigint generated always as identity primary key,
    workspace_id  uuid not null references workspace (id),
    at            timestamptz not null,
    actor         text not null,
    action        text not null,
    subject       text,
    details       jsonb not null default '{}'::jsonb
);
create index audit_log_by_workspace on audit_log (workspace_id, at desc);
