create table client_sessions (
    client_session_id        text primary key,
    workspace_id             text        not null references workspaces (workspace_id) on delete cascade,
    token                    text        not null,
    -- SHA-256 (hex) of token: every credential lookup goes through this index, never through token itself.
    token_hash               text        not null unique,
    user_identifier_key      text,
    -- Equals user_identifier_key while the session is not revoked and not yet retired after expiry; null
    -- otherwise. The unique index below is what makes "one live session per user" hold under concurrent
    -- create/get_or_create, whatever the Java code does.
    live_user_identifier_key text,
    connected_account_ids    text[]      not null default '{}',
    connect_webview_ids      text[]      not null default '{}',
    user_identity_id         text,
    customer_key             text,
    customer_id              text,
    created_via              text        not null,
    api_key_id               text,
    created_at               timestamptz not null,
    expires_at               timestamptz not null,
    revoked_at               timestamptz,
    constraint client_sessions_live_key_matches check (
        live_user_identifier_key is null or live_user_identifier_key = user_identifier_key)
);
create unique index client_sessions_live_key_idx on client_sessions (workspace_id, live_user_identifier_key);
create index client_sessions_workspace_created_idx on client_sessions (workspace_id, created_at, client_session_id);
create index client_sessions_workspace_key_idx on client_sessions (workspace_id, user_identifier_key, created_at);
create index client_sessions_workspace_identity_idx on client_sessions (workspace_id, user_identity_id);
-- Keeping sessions in sync with webviews and accounts (CONTRACT 4.4) finds sessions by array membership.
create index client_sessions_webviews_idx on client_sessions using gin (connect_webview_ids);
create index client_sessions_accounts_idx on client_sessions using gin (connected_account_ids);
