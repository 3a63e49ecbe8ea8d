-- Each workspace's VAPID key pair (RFC 8292), made the first time a page asks for it. Every browser
-- subscription is bound to the public key, so it is kept apart from the account's editable settings; the
-- private key is encrypted with the installation's master key (SecretBox), bound to the workspace.
create table push_vapid_key (
    workspace_id       uuid primary key references workspace (id),
    public_key         text not null,
    private_key_sealed text not null,
    created_at         timestamptz not null
);

-- Browsers that agreed to notifications on the shop's pages (PushSubscription.toJSON()), per customer.
-- A push service answering 404 or 410 for the endpoint removes the row.
create table push_subscription (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    customer_id  uuid not null references customer (id),
    endpoint     text not null,
    p256dh       text not null,
    auth         text not null,
    created_at   timestamptz not null,
    unique (workspace_id, endpoint)
);
create index push_subscription_by_customer on push_subscription (workspace_id, customer_id);

-- Mobile app installations (FCM registration tokens) the shop's backend registered through the API.
-- FCM answering UNREGISTERED (404) removes the row.
create table push_device (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    customer_id  uuid not null references customer (id),
    token        text not null,
    platform     text not null,
    created_at   timestamptz not null,
    unique (workspace_id, token)
);
create index push_device_by_customer on push_device (workspace_id, customer_id);

-- One row per notification a push service or FCM took for one browser or device: a retried message skips the
-- targets that already have theirs, and the notification's tracking token leads here when it is shown
-- (the service worker's beacon) and clicked (the redirect that counts the click).
create table push_delivery (
    token               text primary key,
    workspace_id        uuid not null references workspace (id),
    message_id          uuid not null references outbound_message (id),
    provider_message_id text not null,
    target              text not null,
    target_id           uuid not null,
    url                 text not null,
    sent_at             timestamptz not null,
    shown_at            timestamptz,
    clicked_at          timestamptz,
    clicks              int not null default 0,
    unique (message_id, target_id)
);
