-- 0014: indexes on the foreign keys of decisions and the year plan that
-- a delete of their parent follows. SaveRun deletes agenda items, which
-- cascades to decisions by agenda_item_id; deleting a meeting sets
-- plan.meeting_id to NULL. Without these SQLite reads the whole table for
-- every such delete (TestForeignKeysIndexed).
CREATE INDEX decisions_item ON decisions (agenda_item_id);
CREATE INDEX plan_meeting ON plan (meeting_id);
