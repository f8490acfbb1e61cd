-- The seed fixture of fake-seam-connect --seed (BEHAVIOUR 7.1), with its literal ids and tokens.
-- Run by SeedFixture inside one transaction that has set seam.seed_time and seam.session_expires_at.
-- Credentials are stored as hashes only, exactly as tokens issued at run time are.

insert into workspaces (workspace_id, name, is_sandbox, created_at)
values ('seed_workspace_1', 'My Workspace', true, current_setting('seam.seed_time')::timestamptz),
       ('seed_workspace_2', 'Empty Workspace', false, current_setting('seam.seed_time')::timestamptz);

insert into publishable_keys (publishable_key_id, workspace_id, publishable_key, publishable_key_hash, created_at)
values ('seed_publishable_key_1', 'seed_workspace_1', 'seam_pk1_token',
        encode(sha256(convert_to('seam_pk1_token', 'UTF8')), 'hex'), current_setting('seam.seed_time')::timestamptz),
       ('seed_publishable_key_2', 'seed_workspace_2', 'seam_pk2_2dnb',
        encode(sha256(convert_to('seam_pk2_2dnb', 'UTF8')), 'hex'), current_setting('seam.seed_time')::timestamptz);

insert into api_keys (api_key_id, workspace_id, name, short_token, token_hash, created_at)
values ('api_key1', 'seed_workspace_1', 'Seed API Key 1', 'apikey1',
        encode(sha256(convert_to('seam_apikey1_token', 'UTF8')), 'hex'), current_setting('seam.seed_time')::timestamptz),
       ('api_key2', 'seed_workspace_2', 'Seed API Key 2', 'apikey2',
        encode(sha256(convert_to('seam_apikey2_token', 'UTF8')), 'hex'), current_setting('seam.seed_time')::timestamptz);

insert into users (user_id, email, created_at)
values ('john_user_id', 'john@example.com', current_setting('seam.seed_time')::timestamptz);
insert into user_workspaces (user_id, workspace_id, is_owner) values ('john_user_id', 'seed_workspace_1', true);
insert into user_sessions (user_session_id, user_id, key_hash, created_at)
values ('user_session1', 'john_user_id', encode(sha256(convert_to('john_user_key', 'UTF8')), 'hex'),
        current_setting('seam.seed_time')::timestamptz);
insert into personal_access_tokens (access_token_id, user_id, access_token_name, short_token, long_token_hash, created_at)
values ('access_token1', 'john_user_id', 'Seeded Fake Access Token', 'shorttoken',
        encode(sha256(convert_to('longtoken', 'UTF8')), 'hex'), current_setting('seam.seed_time')::timestamptz);

insert into connected_accounts (connected_account_id, workspace_id, provider, display_name, user_identifier, created_at)
values ('john_connected_account_id', 'seed_workspace_1', 'august', 'john@example.com',
        '{"email": "john@example.com"}', current_setting('seam.seed_time')::timestamptz),
       ('jane_connected_account_id', 'seed_workspace_1', 'schlage', 'jane@example.com',
        '{"email": "jane@example.com"}', current_setting('seam.seed_time')::timestamptz),
       ('john_assa_cs_connected_account_id', 'seed_workspace_1', 'assa_abloy_credential_service', 'john@example.com',
        '{"email": "john@example.com"}', current_setting('seam.seed_time')::timestamptz);

insert into connect_webviews (connect_webview_id, workspace_id, connected_account_id, url, accepted_providers, status,
                              authorized_at, selected_provider, created_at)
values ('connect_webview1', 'seed_workspace_1', 'john_connected_account_id',
        'https://connect.getseam.com/connect_webviews/view?connect_webview_id=connect_webview1', '{august}', 'authorized',
        current_setting('seam.seed_time')::timestamptz, 'august', current_setting('seam.seed_time')::timestamptz);

-- Devices: the fake gives every seeded device the same display name, model and battery. Capabilities follow the
-- device type, and the thermostat carries what Seam reports for one (modes, presets, set points and their limits,
-- whether it heats, cools or runs its fan), and the noise sensor its latest readings (minut_metadata), so that Seam
-- Components show them (BEHAVIOUR 6.6).
insert into devices (device_id, workspace_id, connected_account_id, device_type, display_name, capabilities_supported,
                     properties, attributes, created_at)
select d.device_id, 'seed_workspace_1', d.account, d.device_type, 'Smart Device',
       case d.device_type when 'ecobee_thermostat' then '{thermostat}' when 'minut_sensor' then '{noise_detection}'
                          else '{lock,access_code}' end::text[],
       jsonb_build_object('online', true, 'name', d.name, 'appearance', jsonb_build_object('name', d.appearance),
                          'model', '{"display_name": "Device", "manufacturer_display_name": "Generic"}'::jsonb,
                          'battery', '{"level": 1, "status": "full"}'::jsonb, 'battery_level', 1) || d.properties
         -- What Minut reports, as Seam passes it on: Seam Components read the noise level from here.
         || case d.device_type when 'minut_sensor' then jsonb_build_object('minut_metadata', jsonb_build_object(
              'device_id', 'minut_sensor_1', 'device_name', d.name,
              'latest_sensor_values', jsonb_build_object(
                'sound', jsonb_build_object('time', seed.reading_time, 'value', d.properties -> 'noise_level_decibels'),
                'temperature', jsonb_build_object('time', seed.reading_time, 'value', 21.1),
                'humidity', jsonb_build_object('time', seed.reading_time, 'value', 36))))
            else '{}'::jsonb end,
       d.attributes,
       current_setting('seam.seed_time')::timestamptz + d.ordinal * interval '1 millisecond'
from (values
  (1, 'august_device_1', 'john_connected_account_id', 'august_lock', 'Fake August Lock 1', 'Front Door',
   '{"manufacturer": "august", "locked": true}'::jsonb,
   '{"can_remotely_lock": true, "can_remotely_unlock": true, "can_program_online_access_codes": true}'::jsonb),
  (2, 'august_device_2', 'john_connected_account_id', 'august_lock', 'Fake August Lock 2', 'Back Door',
   '{"manufacturer": "august", "locked": true}'::jsonb,
   '{"can_remotely_lock": true, "can_remotely_unlock": true, "can_program_online_access_codes": true}'::jsonb),
  (3, 'ecobee_device_1', 'john_connected_account_id', 'ecobee_thermostat', 'Thermostat 1', 'Thermostat 1',
   '{"is_cooling_available": true, "is_heating_available": true,
     "is_temporary_manual_override_active": false, "is_heating": false, "is_cooling": false, "is_fan_running": true,
     "fan_mode_setting": "auto",
     "available_hvac_mode_settings": ["off", "heat", "cool", "heat_cool"],
     "available_fan_mode_settings": ["auto", "on", "circulate"],
     "temperature_celsius": 21.11, "temperature_fahrenheit": 70, "relative_humidity": 0.36,
     "min_heating_cooling_delta_celsius": 2.78, "min_heating_cooling_delta_fahrenheit": 5,
     "min_heating_set_point_celsius": 7.22, "min_heating_set_point_fahrenheit": 45,
     "max_heating_set_point_celsius": 26.11, "max_heating_set_point_fahrenheit": 79,
     "min_cooling_set_point_celsius": 18.33, "min_cooling_set_point_fahrenheit": 65,
     "max_cooling_set_point_celsius": 33.33, "max_cooling_set_point_fahrenheit": 92,
     "current_climate_setting": {"automatic_heating_enabled": false, "automatic_cooling_enabled": true,
       "hvac_mode_setting": "cool", "manual_override_allowed": true,
       "cooling_set_point_celsius": 24, "cooling_set_point_fahrenheit": 75.2,
       "heating_set_point_celsius": 18, "heating_set_point_fahrenheit": 64.4},
     "available_climate_presets": [
       {"climate_preset_key": "home", "name": "Home", "display_name": "Home", "climate_preset_mode": "home",
        "can_edit": true, "can_delete": true, "can_use_with_thermostat_daily_programs": false,
        "manual_override_allowed": true, "hvac_mode_setting": "heat_cool", "fan_mode_setting": "auto",
        "heating_set_point_celsius": 20, "heating_set_point_fahrenheit": 68,
        "cooling_set_point_celsius": 24, "cooling_set_point_fahrenheit": 75.2},
       {"climate_preset_key": "away", "name": "Away", "display_name": "Away", "climate_preset_mode": "away",
        "can_edit": true, "can_delete": true, "can_use_with_thermostat_daily_programs": false,
        "manual_override_allowed": true, "hvac_mode_setting": "heat_cool", "fan_mode_setting": "auto",
        "heating_set_point_celsius": 16, "heating_set_point_fahrenheit": 60.8,
        "cooling_set_point_celsius": 28, "cooling_set_point_fahrenheit": 82.4}]}'::jsonb,
   '{"can_hvac_cool": true, "can_hvac_heat": true, "can_hvac_heat_cool": true, "can_turn_off_hvac": true}'::jsonb),
  (4, 'minut_device_1', 'john_connected_account_id', 'minut_sensor', 'Minut Sensor 1', 'Minut Sensor 1',
   '{"noise_level_decibels": 70, "currently_triggering_noise_threshold_ids": ["noise_threshold1"]}'::jsonb,
   '{}'::jsonb),
  (5, 'schlage_device_id', 'jane_connected_account_id', 'schlage_lock', 'Bathroom Door', 'Bathroom Door',
   '{"locked": true}'::jsonb,
   '{"can_remotely_lock": true, "can_remotely_unlock": true, "can_program_online_access_codes": true}'::jsonb)
) as d(ordinal, device_id, account, device_type, name, appearance, properties, attributes),
(select to_char(current_setting('seam.seed_time')::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
          as reading_time) as seed;

-- The threshold the seed sensor's currently_triggering_noise_threshold_ids names.
insert into noise_thresholds (noise_threshold_id, workspace_id, device_id, name, starts_daily_at, ends_daily_at,
                              noise_threshold_decibels, created_at)
values ('noise_threshold1', 'seed_workspace_1', 'minut_device_1', 'Quiet hours', '22:00:00[America/Los_Angeles]',
        '08:00:00[America/Los_Angeles]', 60, current_setting('seam.seed_time')::timestamptz);

insert into user_identities (user_identity_id, workspace_id, user_identity_key, email_address, display_name, created_at)
values ('john_user_identity_id', 'seed_workspace_1', 'john_user_identifier_key', 'jane@example.com', 'jane@example.com',
        current_setting('seam.seed_time')::timestamptz);

-- token_ciphertext is sealed by SeedFixture right after this script: sealing needs the key, which SQL does not have.
insert into client_sessions (client_session_id, workspace_id, token_ciphertext, token_hash, user_identifier_key,
                             live_user_identifier_key, connected_account_ids, connect_webview_ids, user_identity_id,
                             created_via, api_key_id, created_at, expires_at)
values ('cst1', 'seed_workspace_1', '', encode(sha256(convert_to('seam_cst1_token', 'UTF8')), 'hex'),
        'john_user_identifier_key', 'john_user_identifier_key', '{john_connected_account_id}', '{connect_webview1}',
        'john_user_identity_id', 'api_key', 'api_key1', current_setting('seam.seed_time')::timestamptz,
        current_setting('seam.session_expires_at')::timestamptz);

insert into events (event_id, workspace_id, event_type, event_description, device_id, connected_account_id, created_at,
                    occurred_at)
values ('event1', 'seed_workspace_1', 'device.connected', 'A new device has been connected to Seam', 'august_device_1',
        'john_connected_account_id', current_setting('seam.seed_time')::timestamptz,
        current_setting('seam.seed_time')::timestamptz);
