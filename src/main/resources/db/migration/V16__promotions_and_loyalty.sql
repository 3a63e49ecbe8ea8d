-- What the shop offers beyond prices: promotions (for everyone or for one segment) and its loyalty
-- programme's cards, which the bot answers about.

create table catalog_promotion (
    workspace_id  uuid not null references workspace (id),
    id            text not null,
    title         text not null,
    terms         text not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null check (ends_at > starts_at),
    -- only customers in this segment are told about it; null: everyone
    segment_id    uuid references segment (id) on delete set null,
    url           text,
    updated_at    timestamptz not null,
    primary key (workspace_id, id)
);
create index catalog_promotion_current on catalog_promotion (workspace_id, ends_at);

create table loyalty_card (
    workspace_id  uuid not null references workspace (id),
    number        text not null,
    customer_id   uuid references customer (id) on delete set null,
    status        text not null check (status in ('NOT_ACTIVATED', 'ACTIVE', 'BLOCKED', 'REPLACED')),
    balance       numeric(14, 2) not null default 0 check (balance >= 0),
    tier          text not null,
    issued_at     timestamptz not null,
    updated_at    timestamptz not null,
    primary key (workspace_id, number)
);
create index loyalty_card_by_customer on loyalty_card (workspace_id, customer_id);
