-- The ledger's own order. Two records of one customer can share a microsecond (an import, a STOP that
-- arrives with a grant); "the latest record wins" must still have one answer, so ties are broken by
-- the order in which the ledger took them. Generated always: nobody can write or change it.
alter table consent_record add column seq bigint generated always as identity;
create index consent_record_latest on consent_record (workspace_id, customer_id, purpose, channel, recorded_at desc, seq desc);

-- A dry run ("would this be sent at 23:00 tomorrow?") decides for another moment than the one it was
-- asked at; real decisions leave it empty because they decide for decided_at.
alter table send_decision add column decided_for timestamptz;

-- Secrets of this installation that are not any workspace's data, shared by every node: the key that
-- signs unsubscribe links when beseda.consent.unsubscribe-secret is not set (docs/decisions/*-unsubscribe-link-key.md).
create table installation_secret (
    name        text primary key,
    value       text not null,
    created_at  timestamptz not null default now()
);
