-- 0002: the live agenda. A meeting's agenda_items rows become its run
-- state (meeting.RunItem): the coordinator reorders, shortens, skips and
-- adds items during the meeting, and each item records when it really
-- started and ended. Store.SaveRun rewrites the rows; pending rows may be
-- deleted, rows that have started never are.
--
-- Columns are added, not the table rebuilt: ADD COLUMN keeps the table
-- STRICT and its CHECKs, and needs no foreign_keys juggling (which a
-- migration, running inside a transaction, cannot do).

-- The item's index in the snapshot's agenda (meetings.pack_json); NULL for
-- an item added during the meeting. Indicators and questions of a pack item
-- come from the snapshot unless the row has its own (below).
ALTER TABLE agenda_items ADD COLUMN pack_index INTEGER
	CHECK (pack_index IS NULL OR pack_index >= 0);

ALTER TABLE agenda_items ADD COLUMN started_at TEXT
	CHECK (started_at IS NULL OR unixepoch(started_at) IS NOT NULL);

-- No order between started_at and ended_at is required: a clock set back
-- during the meeting must not stop the coordinator from moving on.
ALTER TABLE agenda_items ADD COLUMN ended_at TEXT
	CHECK (ended_at IS NULL OR (unixepoch(ended_at) IS NOT NULL AND started_at IS NOT NULL));

ALTER TABLE agenda_items ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0
	CHECK (skipped IN (0, 1));

-- The item's own questions and indicators as JSON arrays of strings (or
-- null): NULL means the snapshot's item's (pack_index), or none for an
-- ad-hoc item.
ALTER TABLE agenda_items ADD COLUMN questions_json TEXT
	CHECK (questions_json IS NULL OR json_valid(questions_json));

ALTER TABLE agenda_items ADD COLUMN indicators_json TEXT
	CHECK (indicators_json IS NULL OR json_valid(indicators_json));

-- Schema 1 wrote one row per snapshot item, in order.
UPDATE agenda_items SET pack_index = position;

-- A pack item appears at most once in a meeting's live agenda.
CREATE UNIQUE INDEX agenda_items_pack_index ON agenda_items (meeting_id, pack_index)
	WHERE pack_index IS NOT NULL;
