-- Tenants. Every other row in Beseda belongs to exactly one workspace.
create table workspace (
    id          uuid primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text not null check (length(name) between 1 and 200),
    time_zone   text not null default 'Europe/Moscow',
    created_at  timestamptz not null default now()
);

-- People who sign in to the console: owners, admins, operators, marketers and analysts.
-- A login (e-mail) is unique across workspaces, so signing in needs no workspace name.
create table app_user (
    id             uuid primary key,
    workspace_id   uuid not null references workspace (id),
    email          text not null check (length(email) between 3 and 320),
    display_name   text not null check (length(display_name) between 1 and 200),
    password_hash  text not null,
    role           text not null check (role in ('OWNER', 'ADMIN', 'OPERATOR', 'MARKETER', 'ANALYST')),
    enabled        boolean not null default true,
    created_at     timestamptz not null default now(),
    last_login_at  timestamptz
);
create unique index app_user_login on app_user (lower(email));
create index app_user_workspace on app_user (workspace_id, created_at);

-- Keys for the REST API. Only a SHA-256 of the secret is kept; the secret is shown once.
create table api_key (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    name          text not null check (length(name) between 1 and 100),
    prefix        text not null,
    secret_hash   bytea not null unique,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create unique index api_key_active_name on api_key (workspace_id, lower(name)) where revoked_at is null;
create index api_key_workspace on api_key (workspace_id, created_at);

-- Failed console sign-ins, to slow down password guessing. Not tenant data: the login that
-- failed may belong to no workspace at all. Rows older than a day are pruned.
create table login_failure (
    id              bigint generated always as identity primary key,
    login           text not null,
    remote_address  text not null,
    failed_at       timestamptz not null default now()
);
create index login_failure_by_login on login_failure (login, failed_at);
create index login_failure_by_address on login_failure (remote_address, failed_at);

-- Spring Modulith's event publication registry: the outbox for events between modules.
create table event_publication (
    id                      uuid primary key,
    listener_id             text not null,
    event_type              text not null,
    serialized_event        text not null,
    publication_date        timestamptz not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     int,
    last_resubmission_date  timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
