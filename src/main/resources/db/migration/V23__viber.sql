-- Every message Beseda handed to Viber, one row per Viber message (a long text or a text with photos is
-- several): a send retried after a failure part-way skips the parts Viber already took, and the bot's limit
-- of 100 messages per user and hour without a reply from the user is counted here.
create table viber_sent (
    workspace_id   uuid not null references workspace (id),
    message_id     uuid not null references outbound_message (id),
    part           int not null,
    account_id     uuid not null references channel_account (id),
    customer_id    uuid not null references customer (id),
    message_token  text not null,
    sent_at        timestamptz not null,
    primary key (message_id, part)
);
create index viber_sent_by_customer on viber_sent (account_id, customer_id, sent_at);
create index viber_sent_by_token on viber_sent (account_id, message_token);

-- Customers who unsubscribed from a Viber bot, with the suppression that keeps Beseda from sending to them
-- there; it is lifted when they subscribe again or write to the bot (which subscribes them).
create table viber_unsubscribed (
    workspace_id     uuid not null references workspace (id),
    account_id       uuid not null references channel_account (id),
    customer_id      uuid not null references customer (id),
    suppression_id   uuid not null,
    unsubscribed_at  timestamptz not null,
    primary key (account_id, customer_id)
);
