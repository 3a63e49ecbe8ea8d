-- db-scheduler's table (its documented PostgreSQL schema): journey waits and idle-cart checks are its timers.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- A journey a marketer designs; its versions keep every definition ever launched.
create table journey (
    id            uuid primary key,
    workspace_id  uuid        not null references workspace (id),
    name          text        not null,
    template_key  text,
    status        text        not null check (status in ('DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED')),
    draft_version int         not null,
    live_version  int,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index journey_by_workspace on journey (workspace_id, created_at);
create unique index journey_template_once on journey (workspace_id, template_key) where template_key is not null;

create table journey_version (
    journey_id   uuid        not null references journey (id),
    workspace_id uuid        not null references workspace (id),
    version      int         not null,
    definition   jsonb       not null,
    created_at   timestamptz not null,
    launched_at  timestamptz,
    primary key (journey_id, version)
);

-- One customer's way through one version of a journey. The engine's position and memory are in state.
create table journey_run (
    id                 uuid primary key,
    workspace_id       uuid        not null references workspace (id),
    journey_id         uuid        not null references journey (id),
    version            int         not null,
    customer_id        uuid        not null references customer (id),
    entry_key          text        not null,
    status             text        not null check (status in ('ACTIVE', 'COMPLETED', 'EXITED', 'CONVERTED')),
    state              jsonb       not null,
    waiting_message_id uuid,
    waiting_event      text,
    wake_at            timestamptz,
    variant            text,
    entered_at         timestamptz not null,
    ended_at           timestamptz,
    end_reason         text,
    converted_at       timestamptz,
    converted_order    text,
    revenue            numeric(14, 2),
    converted_step     text,
    updated_at         timestamptz not null
);
-- A customer is inside a journey once at a time per entry (a redelivered trigger cannot enter twice).
create unique index journey_run_once_inside on journey_run (journey_id, customer_id, entry_key) where status = 'ACTIVE';
create index journey_run_by_customer on journey_run (workspace_id, customer_id, entered_at desc);
create index journey_run_by_entry on journey_run (journey_id, customer_id, entry_key);
create index journey_run_by_journey on journey_run (journey_id, status);
create index journey_run_waiting_message on journey_run (waiting_message_id) where waiting_message_id is not null;
create index journey_run_waiting_event on journey_run (workspace_id, customer_id, waiting_event) where waiting_event is not null;

-- What each step did for each run: the key makes a step's work happen once however often the run is woken.
create table journey_step_execution (
    run_id       uuid        not null references journey_run (id),
    step_key     text        not null,
    workspace_id uuid        not null,
    journey_id   uuid        not null,
    version      int         not null,
    step_id      text        not null,
    kind         text        not null,
    outcome      text        not null,
    channel      text,
    message_id   uuid,
    detail       text,
    executed_at  timestamptz not null,
    seq          bigint generated always as identity,
    primary key (run_id, step_key)
);
create index journey_step_execution_by_step on journey_step_execution (journey_id, step_id);
create index journey_step_execution_by_message on journey_step_execution (message_id) where message_id is not null;
