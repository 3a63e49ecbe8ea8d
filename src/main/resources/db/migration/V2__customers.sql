-- One profile per person per workspace. A profile that was merged into another keeps its row
-- (merged_into) so old references still resolve to the survivor; an erased profile keeps its row with
-- personal data removed (erased_at), so aggregated counts stay true and events cannot resurrect it.
create table customer (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    name          text,
    phone         text,
    phone_valid   boolean,
    email         text,
    birthday      date,
    gender        text check (gender in ('FEMALE', 'MALE')),
    city          text,
    time_zone     text,
    attributes    jsonb not null default '{}'::jsonb,
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz,
    merged_into   uuid references customer (id),
    erased_at     timestamptz
);
create index customer_workspace on customer (workspace_id, created_at desc) where merged_into is null;
create index customer_last_seen on customer (workspace_id, last_seen_at desc nulls last) where merged_into is null;
create index customer_search on customer (workspace_id, lower(coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')));

-- Typed custom attributes a workspace keeps on its customers.
create table customer_attribute (
    workspace_id  uuid not null references workspace (id),
    key           text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
    type          text not null check (type in ('STRING', 'NUMBER', 'BOOLEAN', 'DATE')),
    label         text,
    primary key (workspace_id, key)
);

-- Ways to recognise a person: phone (E.164), e-mail (case-folded), the shop's own id, a web visitor id,
-- and one per messenger. An identity belongs to one profile; meeting it again finds that profile.
create table customer_identity (
    workspace_id  uuid not null references workspace (id),
    kind          text not null check (kind in ('PHONE', 'EMAIL', 'SHOP_ID', 'VISITOR', 'TELEGRAM', 'WHATSAPP', 'VIBER', 'VK', 'MAX')),
    value         text not null,
    customer_id   uuid not null references customer (id),
    raw           text not null,
    valid         boolean not null default true,
    created_at    timestamptz not null default now(),
    primary key (workspace_id, kind, value)
);
create index customer_identity_by_customer on customer_identity (workspace_id, customer_id);

-- Every merge, so the console can show who was folded into whom and why.
create table customer_merge (
    id            bigint generated always as identity primary key,
    workspace_id  uuid not null references workspace (id),
    survivor_id   uuid not null references customer (id),
    merged_id     uuid not null references customer (id),
    reason        text not null,
    merged_at     timestamptz not null default now()
);
create index customer_merge_survivor on customer_merge (workspace_id, survivor_id);

-- What customers did on the shop's site, as the shop reported it. Idempotent by the shop's event id.
create table storefront_event (
    workspace_id  uuid not null references workspace (id),
    event_id      text not null,
    customer_id   uuid not null references customer (id),
    type          text not null,
    custom        boolean not null default false,
    occurred_at   timestamptz not null,
    received_at   timestamptz not null default now(),
    properties    jsonb not null default '{}'::jsonb,
    primary key (workspace_id, event_id)
);
create index storefront_event_timeline on storefront_event (workspace_id, customer_id, occurred_at desc);

-- Projections kept current from the events.
create table cart (
    workspace_id  uuid not null references workspace (id),
    customer_id   uuid not null references customer (id),
    items         jsonb not null default '[]'::jsonb,
    total         numeric(14, 2) not null default 0,
    currency      text not null default 'RUB',
    updated_at    timestamptz not null,
    primary key (workspace_id, customer_id)
);

create table customer_order (
    workspace_id  uuid not null references workspace (id),
    order_id      text not null,
    customer_id   uuid not null references customer (id),
    status        text not null,
    total         numeric(14, 2) not null default 0,
    currency      text not null default 'RUB',
    items         jsonb not null default '[]'::jsonb,
    placed_at     timestamptz not null,
    updated_at    timestamptz not null,
    primary key (workspace_id, order_id)
);
create index customer_order_by_customer on customer_order (workspace_id, customer_id, placed_at desc);

create table order_status_change (
    workspace_id  uuid not null references workspace (id),
    order_id      text not null,
    status        text not null,
    changed_at    timestamptz not null,
    event_id      text not null,
    primary key (workspace_id, event_id)
);
create index order_status_change_by_order on order_status_change (workspace_id, order_id, changed_at);

create table recent_view (
    workspace_id  uuid not null references workspace (id),
    customer_id   uuid not null references customer (id),
    product_id    text not null,
    product_name  text,
    category      text,
    price         numeric(14, 2),
    views         int not null default 1,
    viewed_at     timestamptz not null,
    primary key (workspace_id, customer_id, product_id)
);
create index recent_view_by_customer on recent_view (workspace_id, customer_id, viewed_at desc);

-- Segments: rules over attributes and behaviour; membership is kept current and its changes published.
create table segment (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    name          text not null,
    rule          jsonb not null,
    built_in      boolean not null default false,
    created_at    timestamptz not null default now(),
    evaluated_at  timestamptz
);
create unique index segment_name on segment (workspace_id, lower(name));

create table segment_member (
    workspace_id  uuid not null references workspace (id),
    segment_id    uuid not null references segment (id) on delete cascade,
    customer_id   uuid not null references customer (id),
    entered_at    timestamptz not null default now(),
    primary key (workspace_id, segment_id, customer_id)
);
create index segment_member_by_customer on segment_member (workspace_id, customer_id);

-- Identities of erased customers, kept only as hashes: events that still carry them are dropped
-- instead of bringing the person's data back.
create table erased_identity (
    workspace_id  uuid not null references workspace (id),
    kind          text not null,
    value_sha256  text not null,
    erased_at     timestamptz not null default now(),
    primary key (workspace_id, kind, value_sha256)
);
