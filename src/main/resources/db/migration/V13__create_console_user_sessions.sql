-- Console (user) sessions: what a console session token (a signed JWT naming user_id and key) refers to. Only the
-- SHA-256 (hex) of the key is stored.
create table user_sessions (
    user_session_id text primary key,
    user_id         text        not null references users (user_id) on delete cascade,
    key_hash        text        not null,
    is_admin_session boolean    not null default false,
    created_at      timestamptz not null,
    revoked_at      timestamptz,
    unique (user_id, key_hash)
);
