-- 0008: what calendar exports need to update and cancel their events.
--
-- database_info.uid is a random id made once per database and put in every
-- ICS event's UID, so two clusters' files (each with its own pledge 1)
-- never replace each other's reminders in one calendar.
CREATE TABLE database_info (
	id  INTEGER PRIMARY KEY CHECK (id = 1),
	uid TEXT NOT NULL CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*')
) STRICT;

INSERT INTO database_info (id, uid) VALUES (1, lower(hex(randomblob(16))));

-- A pledge's revision counts its changes (ICS SEQUENCE) and changed_at is
-- when the last one was made (LAST-MODIFIED), so a calendar replaces an
-- event whose due date moved, and cancels one whose pledge was deleted.
-- The trigger counts only real changes: saving a pledge unchanged, which
-- updates every column, does not.
ALTER TABLE pledges ADD COLUMN revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0);
ALTER TABLE pledges ADD COLUMN changed_at TEXT CHECK (changed_at IS NULL OR unixepoch(changed_at) IS NOT NULL);

CREATE TRIGGER pledges_revision AFTER UPDATE OF practice_id, member_id, action, owner, due, indicator, target, deleted_at ON pledges
WHEN OLD.practice_id IS NOT NEW.practice_id OR OLD.member_id IS NOT NEW.member_id
	OR OLD.action IS NOT NEW.action OR OLD.owner IS NOT NEW.owner OR OLD.due IS NOT NEW.due
	OR OLD.indicator IS NOT NEW.indicator OR OLD.target IS NOT NEW.target OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
	UPDATE pledges SET revision = OLD.revision + 1,
		changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
	WHERE id = NEW.id;
END;
