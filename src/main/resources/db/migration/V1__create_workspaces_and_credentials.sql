-- Workspaces and the credentials that authenticate as one. Ids are text, not uuid: Seam's fake seeds literal
-- ids such as 'seed_workspace_1', and SDK test suites refer to them (CONTRACT 3.0.5, lenient id mode).
create table workspaces (
    workspace_id                    text primary key,
    name                            text        not null,
    company_name                    text        not null default 'Fake Company Name',
    is_sandbox                      boolean     not null default false,
    is_suspended                    boolean     not null default false,
    is_publishable_key_auth_enabled boolean     not null default true,
    connect_partner_name            text,
    organization_id                 text,
    connect_webview_customization   jsonb       not null default '{}'::jsonb,
    -- The publishable key is public by design (workspaces/get returns it); the hash is what auth looks up.
    publishable_key                 text        not null,
    publishable_key_hash            text        not null unique,
    created_at                      timestamptz not null
);

-- API keys are stored only as the SHA-256 (hex) of the full token.
create table api_keys (
    api_key_id   text primary key,
    workspace_id text        not null references workspaces (workspace_id) on delete cascade,
    name         text        not null,
    short_token  text        not null,
    token_hash   text        not null unique,
    created_at   timestamptz not null,
    revoked_at   timestamptz
);
create index api_keys_workspace_idx on api_keys (workspace_id);

create table users (
    user_id    text primary key,
    email      text        not null,
    full_name  text,
    created_at timestamptz not null
);

create table user_workspaces (
    user_id      text    not null references users (user_id) on delete cascade,
    workspace_id text    not null references workspaces (workspace_id) on delete cascade,
    is_owner     boolean not null default false,
    primary key (user_id, workspace_id)
);
create index user_workspaces_workspace_idx on user_workspaces (workspace_id);

-- Personal access tokens are stored only as the SHA-256 (hex) of their long part, as Seam's token format
-- versions the short part (CONTRACT 2.1).
create table personal_access_tokens (
    access_token_id   text primary key,
    user_id           text        not null references users (user_id) on delete cascade,
    access_token_name text        not null,
    short_token       text        not null,
    long_token_hash   text        not null unique,
    created_at        timestamptz not null,
    revoked_at        timestamptz
);
create index personal_access_tokens_user_idx on personal_access_tokens (user_id);
