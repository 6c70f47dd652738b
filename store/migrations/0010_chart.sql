-- 0010: the data screen's shared state — which agenda item's charts, which
-- indicator page and which charts are revealed — so that a presenter
-- console can reveal a hidden chart and turn the indicator pages, and the
-- projector follows. JSON of meeting.ChartState.
ALTER TABLE meetings ADD COLUMN chart_json TEXT NOT NULL DEFAULT '{}';
