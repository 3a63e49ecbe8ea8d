-- The storefront JS tracker of each workspace. The token is public (it sits in the shop's pages) and
-- only lets a page post events; the secret signs customer identities on the shop's backend, so an
-- anonymous page cannot claim someone else's phone or e-mail. Both are created when first needed.
create table tracker (
    workspace_id       uuid primary key references workspace (id),
    token              text not null unique,
    secret             text,
    secret_rotated_at  timestamptz,
    created_at         timestamptz not null default now()
);
