-- 0009: the slide the projector shows, so that a presenter console shows
-- its speaker notes and can turn the slides (0-based, into the pack's
-- slides).
ALTER TABLE meetings ADD COLUMN slide INTEGER NOT NULL DEFAULT 0 CHECK (slide >= 0);
