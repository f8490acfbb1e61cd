-- EXPLAIN (ANALYZE, BUFFERS) of every query the benchmark's loads run, with the SQL text the server sends and the
-- seed's values. The JDBC driver prepares a statement on the server after five executions, and PostgreSQL may then
-- switch to a generic plan (one plan for any parameter values); so each statement is run as a prepared statement
-- with plan_cache_mode = force_generic_plan: the plan a long-running server ends up with. (One-off custom plans
-- are the same or better: the parameters are then known.)
-- A load is "flat" when every plan below is an index lookup that touches a handful of rows whatever the number of
-- sessions in the workspace.
\set ON_ERROR_STOP on
\pset pager off
select count(*) as sessions_in_table,
       count(*) filter (where workspace_id = 'seed_workspace_1') as sessions_in_seed_workspace
from client_sessions;
set plan_cache_mode = force_generic_plan;

\echo '=== credential lookup, client session token (loads 1 and 2): ClientSessionDirectory.findByToken, the whole session with device_count (load 1 answers from this row)'
prepare cst_auth(text) as
select s.client_session_id, s.workspace_id, s.token_ciphertext, s.user_identifier_key,
       s.connected_account_ids, s.connect_webview_ids, s.user_identity_id, s.customer_key, s.created_at,
       s.expires_at, s.revoked_at, s.token_hash,
       (select count(*) from devices d
        where d.workspace_id = s.workspace_id and d.is_managed
          and d.connected_account_id = any(s.connected_account_ids)) as device_count
from client_sessions s
where s.token_hash = $1;
explain (analyze, buffers, costs off) execute cst_auth(encode(sha256(convert_to('seam_cst1_token', 'UTF8')), 'hex'));

\echo '=== credential lookup, API key (loads 3 and 5): WorkspaceDirectory.findApiKey'
prepare api_key_auth(text) as
select api_key_id, workspace_id, revoked_at is not null as revoked from api_keys
where token_hash = $1;
explain (analyze, buffers, costs off) execute api_key_auth(encode(sha256(convert_to('seam_apikey1_token', 'UTF8')), 'hex'));

\echo '=== credential lookup, publishable key, with the user''s session (load 4: the whole request): ClientSessionReads.byPublishableKeyHash'
prepare pk_auth(text, text) as
select p.workspace_id as key_workspace_id, w.is_publishable_key_auth_enabled,
       s.client_session_id, s.workspace_id, s.token_ciphertext, s.user_identifier_key,
       s.connected_account_ids, s.connect_webview_ids, s.user_identity_id, s.customer_key, s.created_at,
       s.expires_at, s.revoked_at, s.token_hash,
       (select count(*) from devices d
        where d.workspace_id = s.workspace_id and d.is_managed
          and d.connected_account_id = any(s.connected_account_ids)) as device_count
from publishable_keys p
join workspaces w on w.workspace_id = p.workspace_id
left join client_sessions s on s.workspace_id = p.workspace_id and s.live_user_identifier_key = $2
where p.publishable_key_hash = $1 and p.revoked_at is null;
explain (analyze, buffers, costs off) execute pk_auth(encode(sha256(convert_to('seam_pk1_token', 'UTF8')), 'hex'), 'john_user_identifier_key');

\echo '=== /client_sessions/get by id (API key; with a token only outside a web request): ClientSessionReads.byId'
prepare session_by_id(text, text) as
select s.client_session_id, s.workspace_id, s.token_ciphertext, s.user_identifier_key,
       s.connected_account_ids, s.connect_webview_ids, s.user_identity_id, s.customer_key, s.created_at,
       s.expires_at, s.revoked_at, s.token_hash,
       (select count(*) from devices d
        where d.workspace_id = s.workspace_id and d.is_managed
          and d.connected_account_id = any(s.connected_account_ids)) as device_count
from client_sessions s
where s.workspace_id = $1 and s.client_session_id = $2;
explain (analyze, buffers, costs off) execute session_by_id('seed_workspace_1', 'cst1');

\echo '=== get_or_create for an existing user with an API key; the user_identifier_key scope: ClientSessionReads.liveSessionOfUser, with device_count'
prepare session_of_user(text, text) as
select s.client_session_id, s.workspace_id, s.token_ciphertext, s.user_identifier_key,
       s.connected_account_ids, s.connect_webview_ids, s.user_identity_id, s.customer_key, s.created_at,
       s.expires_at, s.revoked_at, s.token_hash,
       (select count(*) from devices d
        where d.workspace_id = s.workspace_id and d.is_managed
          and d.connected_account_id = any(s.connected_account_ids)) as device_count
from client_sessions s
where s.workspace_id = $1 and s.live_user_identifier_key = $2;
explain (analyze, buffers, costs off) execute session_of_user('seed_workspace_1', 'john_user_identifier_key');

\echo '=== /client_sessions/list?user_identifier_key= (load 5): ClientSessionReads.search with the key filter only'
prepare list_by_key(text, text) as
select s.client_session_id, s.workspace_id, s.token_ciphertext, s.user_identifier_key,
       s.connected_account_ids, s.connect_webview_ids, s.user_identity_id, s.customer_key, s.created_at,
       s.expires_at, s.revoked_at, s.token_hash,
       (select count(*) from devices d
        where d.workspace_id = s.workspace_id and d.is_managed
          and d.connected_account_id = any(s.connected_account_ids)) as device_count
from client_sessions s
where s.workspace_id = $1
and s.user_identifier_key = $2
order by s.created_at, s.client_session_id;
explain (analyze, buffers, costs off) execute list_by_key('seed_workspace_1', 'john_user_identifier_key');

\echo '=== /devices/list with a token (load 2): DeviceRepository.search, the session''s accounts'
prepare devices_of_session(text, text[], int) as
select device_id, workspace_id, connected_account_id, device_type, display_name, nickname, is_managed,
       capabilities_supported, properties::text as properties, attributes::text as attributes,
       custom_metadata::text as custom_metadata, created_at
from devices
where workspace_id = $1 and is_managed
and connected_account_id = any($2)
order by created_at, device_id
limit $3;
explain (analyze, buffers, costs off) execute devices_of_session('seed_workspace_1', '{john_connected_account_id}', 501);

\echo '=== create (load 3): the per-user lock, then the user''s live session (JPA), the insert, device_count'
prepare user_lock(text, text) as
select 1 from (select pg_advisory_xact_lock(hashtextextended($1 || chr(31) || $2, 0))) as locked;
explain (analyze, costs off) execute user_lock('seed_workspace_1', 'explain_user');
prepare live_holder(text, text) as
select client_session_id, api_key_id, connect_webview_ids, connected_account_ids, created_at, created_via,
       customer_id, customer_key, expires_at, live_user_identifier_key, revoked_at, token_ciphertext, token_hash,
       user_identifier_key, user_identity_id, workspace_id
from client_sessions where workspace_id = $1 and live_user_identifier_key = $2;
explain (analyze, buffers, costs off) execute live_holder('seed_workspace_1', 'explain_user');
begin;
explain (analyze, buffers, costs off)
insert into client_sessions (api_key_id, connect_webview_ids, connected_account_ids, created_at, created_via,
                             customer_id, customer_key, expires_at, live_user_identifier_key, revoked_at,
                             token_ciphertext, token_hash, user_identifier_key, user_identity_id, workspace_id,
                             client_session_id)
values ('api_key1', '{}', '{}', now(), 'api_key', null, null, now() + interval '1 year', 'explain_user', null, 'x',
        encode(sha256(convert_to('explain_token', 'UTF8')), 'hex'), 'explain_user', null, 'seed_workspace_1',
        'explain_session');
rollback;
prepare device_count(text, text[]) as
select connected_account_id, count(*) as devices
from devices
where workspace_id = $1 and is_managed and connected_account_id = any($2)
group by connected_account_id;
explain (analyze, buffers, costs off) execute device_count('seed_workspace_1', '{john_connected_account_id}');

\echo '=== not in the loads: /client_sessions/list without any filter reads the whole workspace (no pagination in Seam''s API)'
prepare list_all(text) as
select s.client_session_id from client_sessions s where s.workspace_id = $1 order by s.created_at, s.client_session_id;
explain (costs off) execute list_all('seed_workspace_1');
reset plan_cache_mode;
