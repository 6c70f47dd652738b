package store

import (
	"context"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
)

func TestDecisions(t *testing.T) {
	g := mustGroupWork(t)
	ctx := context.Background()
	plenum := itemOfKind(t, g.m, meeting.KindPlenum)
	made := g.m.PlannedStart.Add(90 * 60e9)
	d, err := g.s.SaveDecision(ctx, meeting.Decision{MeetingID: g.m.ID, ItemID: g.m.Items[plenum].ID,
		Text: "Anonymiteten løftes ved datamøder", For: 12, Against: 3, Abstain: 1, Rule: "Anonymitet", Made: made})
	if err != nil || d.ID == 0 {
		t.Fatalf("save: %+v %v", d, err)
	}
	second, err := g.s.SaveDecision(ctx, meeting.Decision{MeetingID: g.m.ID, ItemID: g.m.Items[0].ID,
		Text: "Næste møde om opioider", Unanimous: true, Made: made})
	if err != nil {
		t.Fatal(err)
	}
	d.For, d.Text = 13, "Anonymiteten løftes ved alle datamøder"
	if _, err := g.s.SaveDecision(ctx, d); err != nil {
		t.Fatal(err)
	}
	g.reopen(t)
	got := g.read(t).Decisions
	if len(got) != 2 || got[0].ID != d.ID || got[0].For != 13 || got[0].Text != d.Text || got[0].Rule != "Anonymitet" ||
		got[0].ItemTitle != g.m.Items[plenum].Title || got[0].MeetingTitle != g.m.Title || !got[0].Made.Equal(made) ||
		!got[1].Unanimous || got[1].For != 0 {
		t.Fatalf("read back %+v", got)
	}
	for _, tc := range []struct {
		name string
		d    meeting.Decision
		code string
	}{
		{"escape code", meeting.Decision{MeetingID: g.m.ID, ItemID: g.m.Items[0].ID, Text: "ok\x1b]52;c;aGVq\x07", For: 1, Made: made}, meeting.EINVALID},
		{"400 characters of rule", meeting.Decision{MeetingID: g.m.ID, ItemID: g.m.Items[0].ID, Text: "ok", Rule: strings.Repeat("r", 400), For: 1, Made: made}, meeting.EINVALID},
		{"no vote", meeting.Decision{MeetingID: g.m.ID, ItemID: g.m.Items[0].ID, Text: "ok", Made: made}, meeting.EINVALID},
		{"item of no meeting", meeting.Decision{MeetingID: g.m.ID + 1, ItemID: g.m.Items[0].ID, Text: "ok", For: 1, Made: made}, meeting.ENOTFOUND},
		{"decision of another meeting", meeting.Decision{ID: d.ID, MeetingID: g.m.ID + 1, ItemID: g.m.Items[0].ID, Text: "ok", For: 1, Made: made}, meeting.ENOTFOUND},
	} {
		if _, err := g.s.SaveDecision(ctx, tc.d); meeting.ErrorCode(err) != tc.code {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.code)
		}
	}
	if err := g.s.DeleteDecision(ctx, g.m.ID, second.ID); err != nil {
		t.Fatal(err)
	}
	if err := g.s.DeleteDecision(ctx, g.m.ID, second.ID); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("second delete: %v", err)
	}
	if got := g.read(t).Decisions; len(got) != 1 || got[0].ID != d.ID {
		t.Errorf("after delete %+v", got)
	}
}
