-- 0015: collecting figures from the practices. data_arrivals logs every
-- import that brought a practice's figures for a meeting (when, from which
-- file, how many figures); the latest row per practice is the arrival
-- `klynge data status` and the data item show. region_figures holds a
-- region benchmark per meeting and indicator taken from an import file's
-- other practices, for indicators whose pack states none.
CREATE TABLE data_arrivals (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	at          TEXT NOT NULL CHECK (unixepoch(at) IS NOT NULL),
	source      TEXT NOT NULL,
	figures     INTEGER NOT NULL CHECK (figures > 0)
) STRICT;

CREATE INDEX data_arrivals_practice ON data_arrivals (meeting_id, practice_id, id);

CREATE TRIGGER data_arrivals_same_cluster BEFORE INSERT ON data_arrivals
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice is not in the meeting''s cluster');
END;

CREATE TABLE region_figures (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	indicator  TEXT NOT NULL CHECK (trim(indicator) <> ''),
	value      REAL NOT NULL,
	source     TEXT NOT NULL,
	practices  INTEGER NOT NULL CHECK (practices > 0),
	PRIMARY KEY (meeting_id, indicator)
) STRICT;
