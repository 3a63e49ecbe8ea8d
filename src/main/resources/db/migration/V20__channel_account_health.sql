-- What the messenger settings page shows of an account's health: when a customer last wrote through it and
-- the last error its provider gave.
alter table channel_account add column last_inbound_at timestamptz;
alter table channel_account add column last_error text;
alter table channel_account add column last_error_at timestamptz;
