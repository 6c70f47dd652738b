-- 0012: what the cluster decided, on which agenda item, with the show of
-- hands; rule names the standing rule a decision sets ('' for none).
CREATE TABLE decisions (
	id             INTEGER PRIMARY KEY,
	meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
	text           TEXT NOT NULL CHECK (trim(text) <> ''),
	unanimous      INTEGER NOT NULL DEFAULT 0 CHECK (unanimous IN (0, 1)),
	votes_for      INTEGER NOT NULL DEFAULT 0 CHECK (votes_for >= 0),
	votes_against  INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
	votes_abstain  INTEGER NOT NULL DEFAULT 0 CHECK (votes_abstain >= 0),
	rule           TEXT NOT NULL DEFAULT '',
	made_at        TEXT NOT NULL CHECK (unixepoch(made_at) IS NOT NULL),
	CHECK (unanimous = 0 OR (votes_against = 0 AND votes_abstain = 0))
) STRICT;

CREATE INDEX decisions_meeting ON decisions (meeting_id, id);
