-- The web-chat widget names its account by a public token kept in the account's settings; every widget
-- connection looks it up, across workspaces, so it is indexed (and unique: a token names one account).
create unique index channel_account_webchat_token on channel_account ((settings ->> 'inboxToken'))
    where provider = 'webchat';

-- The widget's history reads a customer's web-chat messages newest first.
create index outbound_message_webchat_by_customer on outbound_message (workspace_id, customer_id, created_at desc)
    where channel = 'WEBCHAT';
