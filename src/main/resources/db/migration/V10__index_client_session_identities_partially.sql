-- Most sessions have no user identity. Indexing only those that have one keeps this index small and costs nothing
-- on the create of a session without one; every query on it compares user_identity_id with =, which implies
-- "is not null", so they all still use it. It also can no longer pass for a plain workspace index: while
-- client_sessions had no statistics yet, lookups by id were planned on it and then read every session of the
-- workspace (see BENCHMARKS.md).
drop index client_sessions_workspace_identity_idx;
create index client_sessions_workspace_identity_idx on client_sessions (workspace_id, user_identity_id)
    where user_identity_id is not null;
