-- The purge job finds sessions long expired or long revoked without scanning the table.
create index client_sessions_expires_idx on client_sessions (expires_at);
create index client_sessions_revoked_idx on client_sessions (revoked_at) where revoked_at is not null;
