-- 0003: what a meeting shows about each practice: its figures, its letter
-- code and whether it agreed to be shown by name.
--
-- Practices are referred to by practices.id, and must belong to the
-- meeting's cluster: the store resolves ydernumre through the meeting's
-- cluster, and the *_same_cluster triggers refuse any other row.

-- One figure per practice and indicator: either a ready value, or a
-- numerator over a denominator (value = numerator / denominator in the
-- indicator's unit). Indicators live in the meeting's pack snapshot
-- (meetings.pack_json), so the store checks the ids, not a foreign key.
-- Whether a numerator may exceed its denominator depends on the unit (a
-- share may not, a rate per 1000 may), which the store checks too.
CREATE TABLE meeting_values (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	indicator   TEXT NOT NULL CHECK (trim(indicator) <> ''),
	numerator   REAL CHECK (numerator IS NULL OR numerator >= 0),
	denominator REAL CHECK (denominator IS NULL OR denominator > 0),
	value       REAL,
	period      TEXT NOT NULL DEFAULT '',
	UNIQUE (meeting_id, practice_id, indicator),
	CHECK ((value IS NOT NULL AND numerator IS NULL AND denominator IS NULL)
		OR (value IS NULL AND numerator IS NOT NULL AND denominator IS NOT NULL))
) STRICT;

-- The code key: each practice's letter code (A … Z, AA, …) for this
-- meeting, drawn at random when the meeting is created.
CREATE TABLE meeting_codes (
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	code        TEXT NOT NULL CHECK (code <> '' AND code NOT GLOB '*[^A-Z]*'),
	PRIMARY KEY (meeting_id, practice_id),
	UNIQUE (meeting_id, code)
) STRICT;

-- Consent to be shown by name, as a log: a practice gives it (given = 1)
-- or withdraws it (given = 0); its latest row (highest id) is what holds.
-- Rows are never changed; the log is the record of who agreed when.
CREATE TABLE consent_log (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	given       INTEGER NOT NULL CHECK (given IN (0, 1)),
	at          TEXT NOT NULL CHECK (unixepoch(at) IS NOT NULL)
) STRICT;

CREATE INDEX consent_log_practice ON consent_log (meeting_id, practice_id, id);

CREATE TRIGGER consent_log_append_only BEFORE UPDATE ON consent_log
BEGIN
	SELECT RAISE(ABORT, 'consent_log is append-only');
END;

CREATE TRIGGER meeting_values_same_cluster BEFORE INSERT ON meeting_values
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice is not in the meeting''s cluster');
END;

CREATE TRIGGER meeting_codes_same_cluster BEFORE INSERT ON meeting_codes
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice is not in the meeting''s cluster');
END;

CREATE TRIGGER consent_log_same_cluster BEFORE INSERT ON consent_log
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice is not in the meeting''s cluster');
END;

-- Meetings made before this schema keep their pack's data.csv rows only
-- in the snapshot: copy them into meeting_values. Rows for a ydernummer
-- not in the meeting's cluster, or that break a CHECK, cannot be shown and
-- are left in the snapshot only. These meetings get no letter codes here:
-- codes must come from a cryptographic source (`klynge meeting codes
-- --regenerate`).
INSERT OR IGNORE INTO meeting_values (meeting_id, practice_id, indicator, numerator, denominator, value, period)
SELECT m.id, p.id, d.value ->> '$.indicator', d.value ->> '$.numerator', d.value ->> '$.denominator',
	d.value ->> '$.value', coalesce(d.value ->> '$.period', '')
FROM meetings m
JOIN json_each(m.pack_json, '$.data') d
JOIN practices p ON p.cluster_id = m.cluster_id AND p.ydernummer = d.value ->> '$.ydernummer'
WHERE json_type(m.pack_json, '$.data') = 'array'
ORDER BY m.id, d.key;
