-- 0011: the evaluation item's scores and notes.
--
-- A score row holds the score and how many gave it (1 when called out,
-- n from a show of hands), and nothing else: no member, no practice, no
-- time, so no row can be tied to a person, not even by lining the rows up
-- with the check-in times. The id only orders the rows for "undo the
-- last". A test checks these columns.
CREATE TABLE evaluation_scores (
	id             INTEGER PRIMARY KEY,
	meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
	score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
	count          INTEGER NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 200)
) STRICT;

CREATE INDEX evaluation_scores_item ON evaluation_scores (agenda_item_id, id);
CREATE INDEX evaluation_scores_meeting ON evaluation_scores (meeting_id);

-- "What worked" and "what to change", one row per evaluation item.
CREATE TABLE evaluation_notes (
	agenda_item_id INTEGER PRIMARY KEY REFERENCES agenda_items (id) ON DELETE CASCADE,
	meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	worked         TEXT NOT NULL DEFAULT '',
	change         TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX evaluation_notes_meeting ON evaluation_notes (meeting_id);
