-- Privacy setting per organisation and deactivation (SPEC §5).
-- pseudonymise_respondent_refs: respondentRef is replaced by a keyed hash before it leaves the service,
-- unless the organisation opted out (it then needs the reference to follow up with its customers itself).
ALTER TABLE organisation ADD COLUMN pseudonymise_respondent_refs boolean NOT NULL DEFAULT true;
-- a deactivated organisation's keys stop working; its data stays readable by the admin
ALTER TABLE organisation ADD COLUMN deactivated_at timestamptz;
