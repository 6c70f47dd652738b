-- 0006: pledges. What each practice (or one of its doctors) commits to at
-- a meeting (meeting.Pledge), and the follow-up of a pledge at a later
-- meeting of the same cluster (meeting.PledgeReview).
--
-- Pledges are deleted softly (deleted_at), so a deletion can be undone;
-- they go only with their meeting. The practice (and the member, when a
-- doctor pledged) must belong to the meeting's cluster: the
-- *_same_cluster triggers refuse any other row.

-- due is a calendar date, YYYY-MM-DD, with no time or zone: the date the
-- practice wrote down. indicator is a pack indicator id of the meeting's
-- snapshot ('' for none); the store checks it against the pack. target
-- is in the indicator's unit and needs an indicator.
CREATE TABLE pledges (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	practice_id INTEGER NOT NULL REFERENCES practices (id),
	member_id   INTEGER REFERENCES members (id),
	action      TEXT NOT NULL CHECK (trim(action) <> ''),
	owner       TEXT NOT NULL DEFAULT '',
	due         TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(due) = due),
	indicator   TEXT NOT NULL DEFAULT '',
	target      REAL CHECK (target IS NULL OR indicator <> ''),
	created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
		CHECK (unixepoch(created_at) IS NOT NULL),
	deleted_at  TEXT CHECK (deleted_at IS NULL OR unixepoch(deleted_at) IS NOT NULL)
) STRICT;

CREATE INDEX pledges_meeting ON pledges (meeting_id);
CREATE INDEX pledges_practice ON pledges (practice_id);

-- The follow-up of a pledge: at most one per pledge, at a later meeting of
-- the same cluster (the store checks "later"; the trigger the cluster).
-- Clearing a review (undo) deletes the row.
CREATE TABLE pledge_reviews (
	pledge_id  INTEGER PRIMARY KEY REFERENCES pledges (id) ON DELETE CASCADE,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	outcome    TEXT NOT NULL CHECK (outcome IN ('done', 'partly', 'not_done', 'dropped')),
	comment    TEXT NOT NULL DEFAULT '',
	at         TEXT NOT NULL CHECK (unixepoch(at) IS NOT NULL)
) STRICT;

CREATE INDEX pledge_reviews_meeting ON pledge_reviews (meeting_id);

CREATE TRIGGER pledges_same_cluster BEFORE INSERT ON pledges
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
	OR (NEW.member_id IS NOT NULL
		AND (SELECT practice_id FROM members WHERE id = NEW.member_id) IS NOT NEW.practice_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice or member is not in the meeting''s cluster');
END;

CREATE TRIGGER pledges_same_cluster_update BEFORE UPDATE OF meeting_id, practice_id, member_id ON pledges
WHEN (SELECT cluster_id FROM practices WHERE id = NEW.practice_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
	OR (NEW.member_id IS NOT NULL
		AND (SELECT practice_id FROM members WHERE id = NEW.member_id) IS NOT NEW.practice_id)
BEGIN
	SELECT RAISE(ABORT, 'the practice or member is not in the meeting''s cluster');
END;

CREATE TRIGGER pledge_reviews_same_cluster BEFORE INSERT ON pledge_reviews
WHEN (SELECT m.cluster_id FROM pledges p JOIN meetings m ON m.id = p.meeting_id WHERE p.id = NEW.pledge_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the review''s meeting is not in the pledge''s cluster');
END;

CREATE TRIGGER pledge_reviews_same_cluster_update BEFORE UPDATE OF pledge_id, meeting_id ON pledge_reviews
WHEN (SELECT m.cluster_id FROM pledges p JOIN meetings m ON m.id = p.meeting_id WHERE p.id = NEW.pledge_id)
	IS NOT (SELECT cluster_id FROM meetings WHERE id = NEW.meeting_id)
BEGIN
	SELECT RAISE(ABORT, 'the review''s meeting is not in the pledge''s cluster');
END;
