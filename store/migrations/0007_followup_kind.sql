-- 0007: the follow-up of earlier pledges is an agenda item of its own kind
-- (meeting.KindFollowUp), recognised by that kind rather than by its title,
-- which is in the language of whoever started the meeting.
--
-- agenda_items.kind has a CHECK that lists the kinds of schema 1. SQLite
-- cannot change a CHECK without rebuilding the table, and a rebuild inside
-- a migration's transaction would cascade-delete the group notes that
-- refer to the rows. So the kind is stored as 'plenum' (how it was stored
-- before) with followup = 1; the store reads that back as the follow-up
-- kind.
ALTER TABLE agenda_items ADD COLUMN followup INTEGER NOT NULL DEFAULT 0
	CHECK (followup = 0 OR (followup = 1 AND kind = 'plenum'));

-- Before schema 7 the follow-up was an ad-hoc plenum item with the TUI's
-- Danish or English title; these are those titles as they were released.
UPDATE agenda_items SET followup = 1
	WHERE pack_index IS NULL AND kind = 'plenum'
		AND title IN ('Opfølgning på tiltag fra sidste møde', 'Follow-up of last meeting''s pledges');
