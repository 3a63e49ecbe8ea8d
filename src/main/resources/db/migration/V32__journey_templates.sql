-- A journey's e-mail subject or push title travels with its message to the connector (null: the connector's own).
alter table outbound_message add column subject text;
alter table sandbox_message add column subject text;

-- Coupons journeys hand out: one per issue key (a journey step asks again after a crash and gets the same code),
-- codes unique within the shop.
create table journey_coupon (
    workspace_id  uuid not null references workspace (id),
    code          text not null,
    issue_key     text not null,
    customer_id   uuid not null references customer (id),
    discount      text not null,
    valid_until   timestamptz not null,
    issued_at     timestamptz not null,
    primary key (workspace_id, code),
    unique (workspace_id, issue_key)
);

-- Every follow of a cart link from a journey's message (several per step when a customer comes back; statistics
-- count distinct run and step).
create table journey_click (
    workspace_id  uuid not null references workspace (id),
    run_id        uuid not null,
    step_id       text not null,
    customer_id   uuid not null references customer (id),
    clicked_at    timestamptz not null
);
create index journey_click_by_step on journey_click (workspace_id, run_id, step_id);

-- Where the shop's own pages are: its site (the shop.url of templates) and its cart page, to which a cart link
-- sends the customer with the parameter that restores the cart.
create table shop_page (
    workspace_id  uuid primary key references workspace (id),
    site_url      text,
    cart_url      text,
    updated_at    timestamptz not null
);
