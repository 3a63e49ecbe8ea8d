-- The provider messages one outbound message went out as, when a connector sends it in parts (photos, then text cut
-- at the channel's maximum): a retry after one part failed sends only the parts that had not gone, on any node and
-- after a restart, and a reply to any part is known as a reply to the message.
create table outbound_part (
    workspace_id         uuid not null references workspace (id),
    message_id           uuid not null references outbound_message (id),
    part                 int not null,
    provider_message_id  text not null,
    sent_at              timestamptz not null,
    primary key (message_id, part)
);
create index outbound_part_by_provider_id on outbound_part (workspace_id, provider_message_id);
