-- Publishable keys get a table of their own, so that a workspace can have several and any one can be revoked
-- (/_admin/publishable_keys/*). The key is public by design (workspaces/get shows the workspace's newest live one), so
-- it is kept as it is; authentication looks it up by its SHA-256 through the unique index, as every credential.
create table publishable_keys (
    publishable_key_id   text primary key,
    workspace_id         text        not null references workspaces (workspace_id) on delete cascade,
    publishable_key      text        not null,
    publishable_key_hash text        not null unique,
    created_at           timestamptz not null,
    revoked_at           timestamptz
);
create index publishable_keys_workspace_idx on publishable_keys (workspace_id, created_at);

insert into publishable_keys (publishable_key_id, workspace_id, publishable_key, publishable_key_hash, created_at)
select gen_random_uuid()::text, workspace_id, publishable_key, publishable_key_hash, created_at
from workspaces;

alter table workspaces
    drop column publishable_key,
    drop column publishable_key_hash;
