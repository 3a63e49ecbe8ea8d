-- Telegram carries at most 64 bytes of data on a button; a quick reply's payload may be 256 characters. A longer
-- payload goes as '#' and its hash, and this table turns the hash back into the payload when the button is pressed.
create table telegram_callback (
    workspace_id  uuid not null references workspace (id),
    data          text not null,
    payload       text not null,
    created_at    timestamptz not null default now(),
    primary key (workspace_id, data)
);

-- The Telegram messages one outbound message went out as (photos, then text cut at 4,096 characters): a retry after
-- one part failed sends only the parts that had not gone, and a reply to any part is known as a reply to the message.
create table telegram_sent_part (
    workspace_id         uuid not null references workspace (id),
    message_id           uuid not null references outbound_message (id),
    part                 int not null,
    provider_message_id  text not null,
    primary key (message_id, part)
);
create index telegram_sent_part_by_provider_id on telegram_sent_part (workspace_id, provider_message_id);
