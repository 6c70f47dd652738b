package store

import (
	"context"
	"slices"
	"testing"

	"github.com/klynge/klynge/meeting"
)

// TestEvaluationScoresHoldNoName reads the schema of the score table: a
// score row may hold the score, its count and which item it belongs to,
// and nothing that could name or date the person who gave it.
func TestEvaluationScoresHoldNoName(t *testing.T) {
	g := mustGroupWork(t)
	ctx := context.Background()
	columns := func(table string) []string {
		rows, err := g.s.db.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY name`, table)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			out = append(out, n)
		}
		return out
	}
	if got, want := columns("evaluation_scores"), []string{"agenda_item_id", "count", "id", "meeting_id", "score"}; !slices.Equal(got, want) {
		t.Errorf("evaluation_scores has columns %v, want only %v", got, want)
	}
	if got, want := columns("evaluation_notes"), []string{"agenda_item_id", "change", "meeting_id", "worked"}; !slices.Equal(got, want) {
		t.Errorf("evaluation_notes has columns %v, want only %v", got, want)
	}
	for _, table := range []string{"evaluation_scores", "evaluation_notes"} {
		rows, err := g.s.db.QueryContext(ctx, `SELECT "table" FROM pragma_foreign_key_list(?)`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var ref string
			if err := rows.Scan(&ref); err != nil {
				t.Fatal(err)
			}
			if ref != "meetings" && ref != "agenda_items" {
				t.Errorf("%s refers to %s", table, ref)
			}
		}
		rows.Close()
	}
}

func TestRecordScores(t *testing.T) {
	g := mustGroupWork(t)
	ctx := context.Background()
	ev := itemOfKind(t, g.m, meeting.KindEvaluation)
	itemID := g.m.Items[ev].ID
	for _, sc := range [][2]int{{10, 1}, {0, 1}, {7, 4}, {3, 1}} {
		if err := g.s.RecordScore(ctx, g.m.ID, itemID, sc[0], sc[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.s.UndoScore(ctx, g.m.ID, itemID); err != nil {
		t.Fatal(err)
	}
	if err := g.s.RecordEvaluationNotes(ctx, g.m.ID, itemID, " Godt oplæg ", "Mere tid til data"); err != nil {
		t.Fatal(err)
	}
	g.reopen(t)
	m := g.read(t)
	got := m.Items[ev].Evaluation
	st := meeting.Stats(got.Entries)
	if st.N != 6 || st.Counts[10] != 1 || st.Counts[0] != 1 || st.Counts[7] != 4 || st.Counts[3] != 0 || st.Median != 7 {
		t.Errorf("stats after reopening = %+v", st)
	}
	if got.Worked != "Godt oplæg" || got.Change != "Mere tid til data" {
		t.Errorf("notes = %q / %q", got.Worked, got.Change)
	}
	for _, tc := range []struct {
		name string
		err  error
		code string
	}{
		{"score 11", g.s.RecordScore(ctx, g.m.ID, itemID, 11, 1), meeting.EINVALID},
		{"no hands", g.s.RecordScore(ctx, g.m.ID, itemID, 5, 0), meeting.EINVALID},
		{"not an evaluation item", g.s.RecordScore(ctx, g.m.ID, g.m.Items[0].ID, 5, 1), meeting.ENOTFOUND},
		{"another meeting", g.s.RecordScore(ctx, g.m.ID+1, itemID, 5, 1), meeting.ENOTFOUND},
		{"escape code", g.s.RecordEvaluationNotes(ctx, g.m.ID, itemID, "\x1b]0;hej\x07", ""), meeting.EINVALID},
	} {
		if meeting.ErrorCode(tc.err) != tc.code {
			t.Errorf("%s: %v, want %s", tc.name, tc.err, tc.code)
		}
	}
	// Undo down to nothing, then once more.
	for range 3 {
		if err := g.s.UndoScore(ctx, g.m.ID, itemID); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.s.UndoScore(ctx, g.m.ID, itemID); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("undo with nothing left: %v", err)
	}
	if err := g.s.RecordEvaluationNotes(ctx, g.m.ID, itemID, "", ""); err != nil {
		t.Fatal(err)
	}
	if e := g.read(t).Items[ev].Evaluation; !e.Empty() {
		t.Errorf("after undoing all and clearing: %+v", e)
	}
}
