-- EXPLAIN (ANALYZE, BUFFERS) of every query the benchmark's loads run, with the seed's values, as the server sends
-- them (the SQL text is the server's; parameters are filled in). Each is shown twice where it matters: as a one-off
-- statement (custom plan) and as the prepared statement the JDBC driver switches to after five executions, forced
-- to PostgreSQL's generic plan, which is what a long-running server may end up using.
-- A load is "flat" when every plan below is an index lookup whose cost does not grow with the number of sessions.
\set ON_ERROR_STOP on
\pset pager off
\timing off
select count(*) as sessions_in_table from client_sessions;

\echo '=== credential lookup: client session token (loads 1 and 2), by the SHA-256 of the token'
explain (analyze, buffers, costs off)
select client_session_id, api_key_id, connect_webview_ids, connected_account_ids, created_at, created_via, customer_id,
       customer_key, expires_at, live_user_identifier_key, revoked_at, token_ciphertext, token_hash, user_identifier_key,
       user_identity_id, workspace_id
from client_sessions where token_hash = encode(sha256(convert_to('seam_cst1_token', 'UTF8')), 'hex');

\echo '=== credential lookup: API key (loads 3 and 5)'
explain (analyze, buffers, costs off)
select api_key_id, created_at, name, revoked_at, short_token, token_hash, workspace_id
from api_keys where token_hash = encode(sha256(convert_to('seam_apikey1_token', 'UTF8')), 'hex');

\echo '=== credential lookup: publishable key (load 4)'
explain (analyze, buffers, costs off)
select workspace_id, company_name, created_at, is_publishable_key_auth_enabled, is_sandbox, is_suspended, name,
       publishable_key, publishable_key_hash
from workspaces where publishable_key_hash = encode(sha256(convert_to('seam_pk1_token', 'UTF8')), 'hex');

\echo '=== /client_sessions/get with a token: the own session by id (load 1)'
explain (analyze, buffers, costs off)
select * from client_sessions where workspace_id = 'seed_workspace_1' and client_session_id = 'cst1';

\echo '=== device_count of a session (loads 1, 3, 4, 5)'
explain (analyze, buffers, costs off)
select connected_account_id, count(*) as devices
from devices
where workspace_id = 'seed_workspace_1' and is_managed and connected_account_id = any('{john_connected_account_id}')
group by connected_account_id;

\echo '=== /devices/list with a token: the session''s devices (load 2)'
explain (analyze, buffers, costs off)
select device_id, workspace_id, connected_account_id, device_type, display_name, nickname, is_managed,
       capabilities_supported, properties::text as properties, attributes::text as attributes,
       custom_metadata::text as custom_metadata, created_at
from devices
where workspace_id = 'seed_workspace_1' and is_managed
and connected_account_id = any('{john_connected_account_id}')
order by created_at, device_id
limit 501;

\echo '=== create / get_or_create: the per-user lock (loads 3 and 4)'
explain (analyze, costs off)
select 1 from (select pg_advisory_xact_lock(hashtextextended('seed_workspace_1' || chr(31) || 'john_user_identifier_key', 0))) as locked;

\echo '=== create / get_or_create: the user''s live session (loads 3 and 4)'
explain (analyze, buffers, costs off)
select * from client_sessions where workspace_id = 'seed_workspace_1' and live_user_identifier_key = 'john_user_identifier_key';

\echo '=== create: the insert (load 3), rolled back'
begin;
explain (analyze, buffers, costs off)
insert into client_sessions (api_key_id, connect_webview_ids, connected_account_ids, created_at, created_via, customer_id,
                             customer_key, expires_at, live_user_identifier_key, revoked_at, token_ciphertext, token_hash,
                             user_identifier_key, user_identity_id, workspace_id, client_session_id)
values ('api_key1', '{}', '{}', now(), 'api_key', null, null, now() + interval '1 year', 'explain_user', null, 'x',
        encode(sha256(convert_to('explain_token', 'UTF8')), 'hex'), 'explain_user', null, 'seed_workspace_1',
        'explain_session');
rollback;

\echo '=== /client_sessions/list?user_identifier_key= (load 5), one-off (custom plan)'
explain (analyze, buffers, costs off)
select * from client_sessions
where workspace_id = 'seed_workspace_1'
  and (cast(null as text) is null or client_session_id = cast(null as text))
  and (cast('john_user_identifier_key' as text) is null or user_identifier_key = cast('john_user_identifier_key' as text))
  and (cast(null as text) is null or connect_webview_ids @> array[cast(null as text)])
  and (cast(null as text) is null or user_identity_id = cast(null as text))
  and (not false or user_identifier_key is null)
order by created_at, client_session_id;

\echo '=== /client_sessions/list?user_identifier_key= (load 5), prepared, generic plan'
prepare list_sessions(text, text, text, text, text, boolean) as
select * from client_sessions
where workspace_id = $1
  and (cast($2 as text) is null or client_session_id = cast($2 as text))
  and (cast($3 as text) is null or user_identifier_key = cast($3 as text))
  and (cast($4 as text) is null or connect_webview_ids @> array[cast($4 as text)])
  and (cast($5 as text) is null or user_identity_id = cast($5 as text))
  and (not $6 or user_identifier_key is null)
order by created_at, client_session_id;
set plan_cache_mode = force_generic_plan;
explain (analyze, buffers, costs off) execute list_sessions('seed_workspace_1', null, 'john_user_identifier_key', null, null, false);
reset plan_cache_mode;
