package tui_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/klynge/klynge/meeting"
)

// TestConsoleSlipPreview: on the console S asks first (j/y, any other
// key closes), then lists the practices with a code by name, and enter
// shows the chosen practice's slip as its text file has it, in the
// console's width, with its pledge and the year plan's next meeting;
// ←/→ step to the next practice, esc goes back to the list and out.
// Golden frames at 80×24 and 200×60.
func TestConsoleSlipPreview(t *testing.T) {
	s, m := mustDemoMeeting(t)
	ctx := context.Background()
	if _, err := s.SavePledge(ctx, meeting.Pledge{MeetingID: m.ID, Ydernummer: "093561", Action: "Forløbsplan ved hver årskontrol",
		Owner: "sygeplejersken", Due: time.Date(2027, 2, 25, 0, 0, 0, 0, time.Local), Created: meetingStart}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePlanned(ctx, meeting.PlannedMeeting{ClusterID: m.ClusterID, Start: time.Date(2027, 2, 25, 17, 30, 0, 0, time.Local), Topic: "Diabetes"}); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {200, 60}} {
		t.Run(sizeName(size[0], size[1]), func(t *testing.T) {
			con := teatest.NewTestModel(t, framedConsole{newConsole(s, m.ID, meetingStart, "")}, teatest.WithInitialTermSize(size[0], size[1]))
			waitFor(t, con, "Mødet er ikke startet")
			// The console's list of keys offers S.
			con.Send(key("?"))
			waitFor(t, con, "personligt ark")
			con.Send(key("esc"))
			waitFor(t, con, "Mødet er ikke startet")
			// Any key but j/y leaves the slips closed.
			con.Send(key("S"))
			waitFor(t, con, "Personligt ark – ikke til projektor")
			con.Send(key("enter"))
			waitFor(t, con, "Mødet er ikke startet")

			con.Send(key("S"))
			waitFor(t, con, "j/y")
			con.Send(key("j"))
			waitFor(t, con, "vælg praksis")
			list := stripANSI(currentFrame(t, con))
			if !strings.Contains(list, "Læge Anne Sørensen") {
				t.Errorf("the list lacks a practice:\n%s", list)
			}
			// Læge Anne Sørensen (093561) is first by name.
			con.Send(key("enter"))
			waitFor(t, con, "Jeres kode i aften")
			frame := currentFrame(t, con)
			assertFits(t, frame, size[0], size[1])
			plain := stripANSI(frame)
			for _, want := range []string{"PERSONLIGT ARK – IKKE TIL PROJEKTOR", "Læge Anne Sørensen", "Jeres kode i aften: " + m.Codes["093561"]} {
				if !strings.Contains(plain, want) {
					t.Errorf("the slip lacks %q:\n%s", want, plain)
				}
			}
			golden(t, plain)
			// The whole slip scrolls into view, down to the next meeting.
			for range 12 {
				con.Send(key("pgdown"))
			}
			waitFor(t, con, "Næste klyngemøde: torsdag den 25. februar 2027, kl. 17.30")
			waitFor(t, con, "Forløbsplan ved hver årskontrol")
			// → is the next practice's slip, without the first's pledge.
			con.Send(key("l"))
			for range 12 {
				con.Send(key("pgdown"))
			}
			waitFor(t, con, "Jeres praksis har ingen tiltag noteret")
			if f := stripANSI(currentFrame(t, con)); strings.Contains(f, "Læge Anne Sørensen") {
				t.Errorf("→ still shows the first practice:\n%s", f)
			}
			con.Send(key("esc"))
			waitFor(t, con, "vælg praksis")
			con.Send(key("esc"))
			waitFor(t, con, "Mødet er ikke startet")
			con.Send(key("q"))
			con.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		})
	}
}

// TestProjectorHasNoSlipPreview: the slip preview is the console's alone.
// On the projector S opens nothing that shows a slip, with or without a
// console open, and no projector source file refers to the key or the
// preview.
func TestProjectorHasNoSlipPreview(t *testing.T) {
	s, m := mustDemoMeeting(t)
	for _, open := range []bool{false, true} {
		proj := teatest.NewTestModel(t, framed{newProjector(s, m.ID, meetingStart, func() bool { return open })}, teatest.WithInitialTermSize(120, 40))
		waitFor(t, proj, "Velkomst og afbud")
		proj.Send(key("S"))
		proj.Send(key("j"))
		proj.Send(key("enter"))
		frame := stripANSI(currentFrame(t, proj))
		for _, bad := range []string{"PERSONLIGT ARK", "Personligt ark", "Jeres kode i aften", "vælg praksis"} {
			if strings.Contains(frame, bad) {
				t.Errorf("console open %v: the projector shows %q after S:\n%s", open, bad, frame)
			}
		}
		proj.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
		proj.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	}
	// Only the console's files may use the key or the preview.
	uses := regexp.MustCompile(`\bKeys\.Slip\b|\bkeys\.Slip\b|slipPreview|slipView|slipPickView|openSlips|tui\.Slip`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "console") || f == "keys.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if loc := uses.FindIndex(b); loc != nil {
			t.Errorf("%s refers to the console's slip preview (%q): the projector must have no such screen", f, b[loc[0]:loc[1]])
		}
	}
}
