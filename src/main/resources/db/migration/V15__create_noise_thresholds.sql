-- The noise thresholds of noise sensors: a level (decibels, or Noiseaware's NRS) tolerated between two times of day.
create table noise_thresholds (
    noise_threshold_id       text primary key,
    workspace_id             text             not null references workspaces (workspace_id) on delete cascade,
    device_id                text             not null references devices (device_id) on delete cascade,
    name                     text             not null,
    starts_daily_at          text             not null,
    ends_daily_at            text             not null,
    noise_threshold_decibels double precision not null,
    noise_threshold_nrs      double precision,
    created_at               timestamptz      not null
);
create index noise_thresholds_device_idx on noise_thresholds (workspace_id, device_id, created_at, noise_threshold_id);
