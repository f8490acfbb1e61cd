-- An attempt held by /_fake/update_action_attempt (BEHAVIOUR 7.5) has no completes_at: it is never due, and is
-- carried out only when told. carried_out_at is when its change was made (null: not yet), so that an attempt that
-- was reopened and is then told "success" is not carried out a second time.
alter table action_attempts alter column completes_at drop not null;
alter table action_attempts add column carried_out_at timestamptz;
update action_attempts set carried_out_at = completed_at where status <> 'pending';
