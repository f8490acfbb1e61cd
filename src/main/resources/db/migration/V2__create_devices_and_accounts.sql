-- What a client session can be granted (connected accounts, connect webviews, a user identity) and what it then
-- sees (devices, events). Resource-specific members that clients only read back live in jsonb columns.
create table connected_accounts (
    connected_account_id             text primary key,
    workspace_id                     text        not null references workspaces (workspace_id) on delete cascade,
    provider                         text        not null,
    account_type_display_name        text        not null default 'Unknown',
    display_name                     text        not null,
    user_identifier                  jsonb,
    custom_metadata                  jsonb       not null default '{}'::jsonb,
    automatically_manage_new_devices boolean     not null default true,
    accepted_capabilities            text[]      not null default '{}',
    customer_key                     text,
    created_at                       timestamptz not null
);
create index connected_accounts_workspace_idx on connected_accounts (workspace_id, created_at, connected_account_id);

create table devices (
    device_id              text primary key,
    workspace_id           text        not null references workspaces (workspace_id) on delete cascade,
    connected_account_id   text        not null references connected_accounts (connected_account_id) on delete cascade,
    device_type            text        not null,
    display_name           text        not null,
    nickname               text,
    is_managed             boolean     not null default true,
    capabilities_supported text[]      not null default '{}',
    properties             jsonb       not null default '{}'::jsonb,
    -- Optional top-level device members (can_remotely_lock, device_provider, ...), emitted as they are.
    attributes             jsonb       not null default '{}'::jsonb,
    custom_metadata        jsonb       not null default '{}'::jsonb,
    created_at             timestamptz not null
);
-- device_count and a session's /devices/list both filter managed devices by connected account.
create index devices_workspace_account_idx on devices (workspace_id, connected_account_id) where is_managed;
create index devices_workspace_created_idx on devices (workspace_id, created_at, device_id);

create table connect_webviews (
    connect_webview_id               text primary key,
    workspace_id                     text        not null references workspaces (workspace_id) on delete cascade,
    connected_account_id             text references connected_accounts (connected_account_id) on delete set null,
    url                              text        not null,
    device_selection_mode            text        not null default 'none',
    accepted_providers               text[]      not null default '{}',
    accepted_capabilities            text[]      not null default '{}',
    any_provider_allowed             boolean     not null default false,
    any_device_allowed               boolean     not null default false,
    login_successful                 boolean     not null default false,
    status                           text        not null default 'pending',
    custom_redirect_url              text,
    custom_redirect_failure_url      text,
    custom_metadata                  jsonb       not null default '{}'::jsonb,
    automatically_manage_new_devices boolean     not null default true,
    wait_for_device_creation         boolean     not null default false,
    authorized_at                    timestamptz,
    selected_provider                text,
    customer_key                     text,
    created_at                       timestamptz not null
);
create index connect_webviews_workspace_idx on connect_webviews (workspace_id, created_at, connect_webview_id);

create table user_identities (
    user_identity_id  text primary key,
    workspace_id      text        not null references workspaces (workspace_id) on delete cascade,
    user_identity_key text,
    email_address     text,
    phone_number      text,
    full_name         text,
    display_name      text        not null,
    created_at        timestamptz not null
);
create unique index user_identities_workspace_key_idx on user_identities (workspace_id, user_identity_key);
create index user_identities_workspace_idx on user_identities (workspace_id, created_at, user_identity_id);

create table events (
    event_id             text primary key,
    workspace_id         text        not null references workspaces (workspace_id) on delete cascade,
    event_type           text        not null,
    event_description    text,
    device_id            text,
    connected_account_id text,
    connect_webview_id   text,
    client_session_id    text,
    -- Any further members of the event variant.
    payload              jsonb       not null default '{}'::jsonb,
    created_at           timestamptz not null,
    occurred_at          timestamptz not null
);
create index events_workspace_occurred_idx on events (workspace_id, occurred_at, event_id);
