-- A retiring key stays in the JWKS until retire_after (the end of the longest lifetime a token it signed can have),
-- then it counts as retired without any background job.
alter table signing_key add column retire_after timestamptz;
alter table signing_key add constraint signing_key_retiring_has_end check (status <> 'RETIRING' or retire_after is not null);
