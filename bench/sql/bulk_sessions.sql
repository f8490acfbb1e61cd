-- Bulk-loads :n client sessions into the seed workspace (seed_workspace_1), beside the seed session cst1, in one
-- statement: psql -v n=999999 -f bench/sql/bulk_sessions.sql
--
-- The rows look like sessions the API makes: distinct user_identifier_keys, a live key for live sessions (every
-- 10th is revoked, every 20th expired, so the partial and purge indexes are exercised), John's or Jane's
-- connected account, every 5th holding connect_webview1, created over the last weeks.
-- token_hash is the SHA-256 of a token 'seam_cst1bulk_<i>', consistent like a real row, so the unique index is as
-- large and as random as in production. token_ciphertext is a placeholder: the loads read only the seed session
-- (token seam_cst1_token) and john_user_identifier_key, whose row the server sealed itself, never a bulk row's token.
\set ON_ERROR_STOP on
insert into client_sessions (client_session_id, workspace_id, token_ciphertext, token_hash, user_identifier_key,
                             live_user_identifier_key, connected_account_ids, connect_webview_ids, user_identity_id,
                             created_via, api_key_id, created_at, expires_at, revoked_at)
select 'bulk_' || i,
       'seed_workspace_1',
       'bulk-placeholder',
       encode(sha256(convert_to('seam_cst1bulk_' || i, 'UTF8')), 'hex'),
       'bulk_user_' || i,
       case when i % 10 = 0 or i % 20 = 5 then null else 'bulk_user_' || i end,
       case when i % 2 = 0 then array['john_connected_account_id'] else array['jane_connected_account_id'] end,
       case when i % 5 = 0 then array['connect_webview1'] else array[]::text[] end,
       null,
       'api_key',
       'api_key1',
       now() - interval '30 days' + (i * interval '1 millisecond'),
       case when i % 20 = 5 then now() - interval '1 day' else now() + interval '365 days' end,
       case when i % 10 = 0 then now() - interval '2 days' end
from generate_series(1, :n) as i;
vacuum analyze client_sessions;
select count(*) as sessions_in_seed_workspace from client_sessions where workspace_id = 'seed_workspace_1';
