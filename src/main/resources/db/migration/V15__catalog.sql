-- The shop's catalogue: categories, offers (what a customer can buy, with price and availability), stores
-- and stock per store, and a record of every feed import. Offer and category ids are the shop's own (the
-- YML feed's), unique per workspace.

create table catalog_category (
    workspace_id  uuid not null references workspace (id),
    id            text not null,
    parent_id     text,
    name          text not null,
    updated_at    timestamptz not null,
    primary key (workspace_id, id)
);

create table catalog_store (
    workspace_id  uuid not null references workspace (id),
    id            text not null,
    name          text not null,
    city          text not null,
    address       text not null,
    latitude      double precision,
    longitude     double precision,
    hours         text,
    phone         text,
    updated_at    timestamptz not null,
    primary key (workspace_id, id)
);

create table catalog_offer (
    workspace_id  uuid not null references workspace (id),
    id            text not null,
    group_id      text,
    name          text not null,
    vendor        text,
    vendor_code   text,
    category_id   text,
    price         numeric(14, 2) not null check (price >= 0),
    old_price     numeric(14, 2) check (old_price >= 0),
    currency      text not null,
    available     boolean not null,
    url           text,
    description   text,
    pictures      jsonb not null default '[]'::jsonb,
    params        jsonb not null default '[]'::jsonb,
    -- false once a full feed no longer lists the offer: kept for orders and links, never offered again
    listed        boolean not null default true,
    content_hash  text not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (workspace_id, id)
);
create index catalog_offer_by_category on catalog_offer (workspace_id, category_id) where listed;

create table catalog_stock (
    workspace_id  uuid not null references workspace (id),
    offer_id      text not null,
    store_id      text not null,
    quantity      integer not null check (quantity >= 0),
    primary key (workspace_id, offer_id, store_id),
    foreign key (workspace_id, offer_id) references catalog_offer (workspace_id, id) on delete cascade
);

create table catalog_import (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id),
    source        text not null,
    started_at    timestamptz not null,
    finished_at   timestamptz not null,
    categories    integer not null,
    added         integer not null,
    changed       integer not null,
    unchanged     integer not null,
    withdrawn     integer not null,
    refused       integer not null,
    -- [{offerId, line, reason}], the first few hundred
    refusals      jsonb not null default '[]'::jsonb,
    failure       text
);
create index catalog_import_by_workspace on catalog_import (workspace_id, started_at desc);
