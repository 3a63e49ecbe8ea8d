-- Teams of operators: who takes a chat, how (round-robin, least busy, or by hand), and how fast they must answer.
create table team (
    id                      uuid primary key,
    workspace_id            uuid not null references workspace (id),
    name                    text not null,
    assignment              text not null default 'ROUND_ROBIN' check (assignment in ('ROUND_ROBIN', 'LEAST_BUSY', 'MANUAL')),
    first_response_minutes  int not null default 30 check (first_response_minutes between 1 and 10080),
    next_response_minutes   int not null default 30 check (next_response_minutes between 1 and 10080),
    created_at              timestamptz not null default now(),
    unique (workspace_id, name)
);

create table team_member (
    workspace_id  uuid not null references workspace (id),
    team_id       uuid not null references team (id) on delete cascade,
    user_id       uuid not null references app_user (id),
    primary key (team_id, user_id)
);
create index team_member_by_user on team_member (workspace_id, user_id);

-- Whether an operator takes chats now, and how many at once.
create table operator_availability (
    workspace_id      uuid not null references workspace (id),
    user_id           uuid primary key references app_user (id),
    status            text not null default 'OFFLINE' check (status in ('ONLINE', 'AWAY', 'OFFLINE')),
    capacity          int not null default 5 check (capacity between 0 and 100),
    last_assigned_at  timestamptz,
    changed_at        timestamptz not null default now()
);

-- An inbox: where conversations of some accounts land, with its business hours and out-of-office reply.
-- business_hours: {"MONDAY": [["09:00", "18:00"]], ...}; an empty object means always open.
create table inbox (
    id                  uuid primary key,
    workspace_id        uuid not null references workspace (id),
    name                text not null,
    is_default          boolean not null default false,
    team_id             uuid references team (id) on delete set null,
    time_zone           text not null default 'Europe/Moscow',
    business_hours      jsonb not null default '{}'::jsonb,
    out_of_office_text  text,
    created_at          timestamptz not null default now(),
    unique (workspace_id, name)
);
create unique index inbox_one_default on inbox (workspace_id) where is_default;

create table inbox_account (
    workspace_id  uuid not null references workspace (id),
    account_id    uuid primary key references channel_account (id),
    inbox_id      uuid not null references inbox (id) on delete cascade
);

insert into inbox (id, workspace_id, name, is_default, time_zone)
select gen_random_uuid(), w.id, 'Основные входящие', true, w.time_zone from workspace w;

-- Conversations belong to an inbox, may have a team and an operator, a priority, labels, and an SLA clock.
alter table conversation
    add column inbox_id            uuid references inbox (id),
    add column team_id             uuid references team (id) on delete set null,
    add column assignee_id         uuid references app_user (id),
    add column assigned_at         timestamptz,
    add column priority            text not null default 'NORMAL' check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    add column labels              text[] not null default '{}',
    add column snoozed_until       timestamptz,
    add column waiting_since       timestamptz,
    add column first_replied_at    timestamptz,
    add column response_due_at     timestamptz,
    add column sla_breached_at     timestamptz,
    add column out_of_office_sent_on date;
update conversation c set inbox_id = i.id from inbox i where i.workspace_id = c.workspace_id and i.is_default;
alter table conversation alter column inbox_id set not null;
alter table conversation drop constraint conversation_workspace_id_customer_id_key;
alter table conversation add constraint conversation_one_per_customer_and_inbox unique (workspace_id, customer_id, inbox_id);
create index conversation_by_assignee on conversation (workspace_id, assignee_id, status) where assignee_id is not null;
create index conversation_unassigned on conversation (workspace_id, team_id, last_message_at) where assignee_id is null and status = 'OPEN';
create index conversation_sla_due on conversation (response_due_at) where response_due_at is not null and sla_breached_at is null;
create index conversation_labels on conversation using gin (labels);

-- Messages carry files and quick-reply buttons.
alter table conversation_message
    add column attachments   jsonb not null default '[]'::jsonb,
    add column quick_replies jsonb not null default '[]'::jsonb;

-- What each operator has read, for unread counts.
create table conversation_read (
    workspace_id     uuid not null references workspace (id),
    conversation_id  uuid not null references conversation (id) on delete cascade,
    user_id          uuid not null references app_user (id),
    read_at          timestamptz not null,
    primary key (conversation_id, user_id)
);

-- Every missed response target, kept for counting per team and operator.
create table sla_breach (
    id               uuid primary key,
    workspace_id     uuid not null references workspace (id),
    conversation_id  uuid not null references conversation (id) on delete cascade,
    team_id          uuid references team (id) on delete set null,
    assignee_id      uuid references app_user (id),
    kind             text not null check (kind in ('FIRST_RESPONSE', 'NEXT_RESPONSE')),
    due_at           timestamptz not null,
    breached_at      timestamptz not null,
    unique (conversation_id, due_at)
);
create index sla_breach_by_time on sla_breach (workspace_id, breached_at);

-- Canned replies (scripts) with Liquid variables: {{ customer.first_name }}, {{ order.number }}.
create table canned_reply (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    shortcut      text not null check (shortcut ~ '^[a-z0-9а-яё_-]{1,32}$'),
    title         text not null,
    body          text not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (workspace_id, shortcut)
);

-- A CSAT request sent on resolve, and the 1–5 rating the customer gave.
create table csat_request (
    id                   uuid primary key,
    workspace_id         uuid not null references workspace (id),
    conversation_id      uuid not null references conversation (id) on delete cascade,
    assignee_id          uuid references app_user (id),
    outbound_message_id  uuid,
    requested_at         timestamptz not null,
    rating               int check (rating between 1 and 5),
    rated_at             timestamptz
);
create index csat_by_conversation on csat_request (workspace_id, conversation_id, requested_at desc);
create index csat_rated on csat_request (workspace_id, rated_at) where rating is not null;
