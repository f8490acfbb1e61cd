-- Managed access codes (PINs) on devices. A code is unique on its device: the index, not a prior read, is what
-- refuses the second of two concurrent creates of the same code.
create table access_codes (
    access_code_id                   text primary key,
    workspace_id                     text        not null references workspaces (workspace_id) on delete cascade,
    device_id                        text        not null references devices (device_id) on delete cascade,
    name                             text,
    code                             text        not null,
    type                             text        not null check (type in ('ongoing', 'time_bound')),
    -- setting until the device has it (its CREATE/UPDATE_ACCESS_CODE attempt completed), then set.
    status                           text        not null check (status in ('setting', 'set')),
    starts_at                        timestamptz,
    ends_at                          timestamptz,
    common_code_key                  text,
    is_one_time_use                  boolean     not null default false,
    is_external_modification_allowed boolean     not null default false,
    is_offline_access_code           boolean     not null default false,
    created_at                       timestamptz not null,
    check ((type = 'ongoing' and starts_at is null and ends_at is null)
        or (type = 'time_bound' and starts_at is not null and ends_at is not null and starts_at < ends_at))
);
create unique index access_codes_device_code_idx on access_codes (device_id, code);
create index access_codes_workspace_idx on access_codes (workspace_id, created_at, access_code_id);
