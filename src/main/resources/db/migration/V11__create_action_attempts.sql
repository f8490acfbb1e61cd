-- Asynchronous actions (lock, unlock, set an access code): each request records one pending attempt, which is
-- carried out once completes_at has passed, by whichever instance gets to it first (see ActionAttempts).
create table action_attempts (
    action_attempt_id    text primary key,
    workspace_id         text        not null references workspaces (workspace_id) on delete cascade,
    action_type          text        not null,
    status               text        not null check (status in ('pending', 'success', 'error')),
    -- The device acted on and its connected account at the time: what decides which client sessions see it.
    device_id            text,
    connected_account_id text,
    -- What the feature carrying out the action needs (e.g. the access code id).
    params               jsonb       not null default '{}'::jsonb,
    result               jsonb,
    error                jsonb,
    created_at           timestamptz not null,
    completes_at         timestamptz not null,
    completed_at         timestamptz
);
create index action_attempts_workspace_idx on action_attempts (workspace_id, created_at, action_attempt_id);
create index action_attempts_due_idx on action_attempts (completes_at) where status = 'pending';
