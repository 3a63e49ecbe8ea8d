-- Telegram carries at most 64 bytes of data on a button; a quick reply's payload may be 256 characters. A longer
-- payload goes as '#' and its hash, and this table turns the hash back into the payload when the button is pressed.
create table telegram_callback (
    workspace_id  uuid not null references workspace (id),
    data          text not null,
    payload       text not null,
    created_at    timestamptz not null default now(),
    primary key (workspace_id, data)
);
