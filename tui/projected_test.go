package tui_test

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	_ "github.com/mattn/go-sqlite3" // the raw writes an older version made

	"github.com/klynge/klynge"
	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/pack"
	"github.com/klynge/klynge/store"
)

// hostile are the kinds of text an older version stored as is: CSI
// colours, clear screen, an OSC window title, an alternate screen, tabs,
// newlines, a right-to-left override, emoji and East Asian characters, C1
// controls, a 400-character name, and emoji whose width terminals disagree
// on (a skin tone, a variation selector, a joined family, a flag, a keycap)
// and a soft hyphen.
func hostile() []string {
	return []string{
		"\x1b[31mRød\x1b[0m",
		"\x1b[2J\x1b[H",
		"\x1b]0;pwned\a",
		"Tab\there\tand\tthere",
		"New\nline\r\nagain",
		"\u202Eevil bidi\u202C",
		"🩺👩‍⚕️ 李医生 e\u0301",
		strings.Repeat("Å", 400),
		"\u009b31mC1",
		"\x1b[?1049h alt",
		"👍🏽 ❤️ 👨‍👩‍👧 🇩🇰 1️⃣ Læge\u00adhuset",
	}
}

// hostileMeeting is the demo meeting in a store whose roster, guests,
// pledges, periods and pack strings were written straight into SQLite with
// every kind of hostile text. Each practice's name starts with a token
// ("Zq07") that the test looks for on the screens. Two practices consent:
// one whose name holds escape codes and one with 400 characters.
func hostileMeeting(t *testing.T) (*store.Store, meeting.Meeting, []meeting.Practice, map[string]bool) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "klynge.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	demo := klynge.DemoFS()
	packFS, _ := fs.Sub(demo, klynge.DemoPackDir)
	p, err := pack.Read(packFS, klynge.DemoPackDir)
	if err != nil {
		t.Fatal(err)
	}
	p = withUVIChoice(t, p) // a stacked chart among the pages
	f, _ := demo.Open(klynge.DemoRoster)
	practices, err := pack.ReadRoster(f, klynge.DemoRoster)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCluster(ctx, meeting.Cluster{Name: "Testklyngen", Practices: practices})
	if err != nil {
		t.Fatal(err)
	}
	var yds []string
	for _, p := range practices {
		yds = append(yds, p.Ydernummer)
	}
	sort.Strings(yds)
	newMeeting := func(start time.Time) meeting.Meeting {
		m, err := meeting.New(p, "Klyngemøde december", start, start.Add(-time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		m.ClusterID = c.ID
		if m.Codes, err = meeting.NewCodes(yds, rand.NewChaCha8([32]byte{7})); err != nil {
			t.Fatal(err)
		}
		m.Values = p.Data
		if m, err = s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	// An earlier meeting left pledges for tonight's follow-up.
	earlier := newMeeting(meetingStart.AddDate(0, -3, 0))
	for i, yd := range yds[:4] {
		pl := meeting.Pledge{MeetingID: earlier.ID, Ydernummer: yd, Action: fmt.Sprintf("Tidligere tiltag %d", i), Owner: "lægen",
			Due: meetingStart.AddDate(0, 0, -7), Created: meetingStart.AddDate(0, -3, 0)}
		if _, err := s.SavePledge(ctx, pl); err != nil {
			t.Fatal(err)
		}
	}
	m := newMeeting(meetingStart)
	cl, err := s.Cluster(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var groups []meeting.Group
	for i, pr := range cl.Practices {
		for _, mem := range pr.Members {
			if len(groups) < 3 {
				groups = append(groups, meeting.Group{Number: len(groups) + 1})
			}
			g := &groups[i%3]
			g.Members = append(g.Members, meeting.GroupMember{MemberID: mem.ID, Name: mem.Name, Ydernummer: pr.Ydernummer})
		}
	}
	if _, err = s.SaveGroups(ctx, m.ID, groups); err != nil {
		t.Fatal(err)
	}
	// Two apologies, one from a practice that will not consent.
	for _, mem := range []meeting.Member{cl.Practices[1].Members[0], cl.Practices[2].Members[0]} {
		if err := s.RecordAttendance(ctx, m.ID, meeting.Attendance{MemberID: mem.ID, Status: meeting.StatusApologies, Reason: "ferie", At: meetingStart}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err = s.AddGuest(ctx, m.ID, meeting.Guest{Name: "Gæst", Role: "oplægsholder"}); err != nil {
		t.Fatal(err)
	}
	for i, yd := range yds[:4] {
		pl := meeting.Pledge{MeetingID: m.ID, Ydernummer: yd, Action: fmt.Sprintf("Tiltag %d", i), Owner: "sygeplejersken",
			Due: meetingStart.AddDate(0, 3, 0), Created: meetingStart}
		if _, err := s.SavePledge(ctx, pl); err != nil {
			t.Fatal(err)
		}
	}

	// What an older version would have stored.
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	evil := hostile()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for i, yd := range yds {
		exec(`UPDATE practices SET name = ? WHERE ydernummer = ?`, fmt.Sprintf("Zq%02d %s", i, evil[i%len(evil)]), yd)
	}
	exec(`UPDATE members SET name = name || ' ' || ?`, evil[0]+evil[3]+evil[5])
	exec(`UPDATE members SET name = ? WHERE id = (SELECT min(id) FROM members)`, "Dr "+evil[2]+evil[4]+evil[7])
	exec(`UPDATE guests SET name = ?, role = ?`, "Gæst "+evil[2]+evil[1]+evil[10], evil[4]+evil[9])
	exec(`UPDATE pledges SET action = ?, owner = ?`, "Vi "+evil[1]+" ringer\ttil alle\n"+strings.Repeat("tekst ", 70), evil[0]+evil[5])
	exec(`UPDATE meeting_values SET period = ?`, "2025"+evil[0]+evil[4])
	exec(`UPDATE meetings SET title = ?`, "Klyngemøde "+evil[2]+evil[6])
	exec(`UPDATE group_notes SET text = ?`, evil[1]+evil[4])
	exec(`UPDATE attendance SET reason = ?`, evil[2]+evil[3]+evil[7])
	// Pack strings in the meeting's snapshot: JSON spells the controls as
	// \u escapes.
	jsonEvil := `\u001b[2J\u001b]0;pack\u0007\u202e\t\n`
	for _, old := range []string{"Andel KOL-patienter med forløbsplan", "Gruppearbejde, runde 1", "KOL i almen praksis", "Hvad vil jeres praksis ændre?", "Valg af antibiotikum ved ukompliceret UVI", "Pivmecillinam"} {
		exec(`UPDATE meetings SET pack_json = replace(pack_json, ?, ?)`, old, old+jsonEvil)
	}
	exec(`UPDATE agenda_items SET title = title || ?`, "\x1b[5m"+evil[5])

	consented := map[string]bool{yds[0]: true, yds[7]: true} // ESC name and 400 Å
	for yd := range consented {
		if _, err := s.SetConsent(ctx, m.ID, yd, true, meetingStart); err != nil {
			t.Fatal(err)
		}
	}
	if m, err = s.Meeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	cluster, err := s.Cluster(ctx, m.ClusterID)
	if err != nil {
		t.Fatal(err)
	}
	return s, m, cluster.Practices, consented
}

// projectedFrames walks every projected screen of the meeting: the agenda,
// each item (welcome, talk slide by slide, every chart page hidden and
// revealed plus the context page, the rounds, plenum, evaluation), the
// follow-up and pledges lists, with consent on and off.
func projectedFrames(t *testing.T, s *store.Store, m meeting.Meeting, w, h int) map[string]string {
	t.Helper()
	frames := map[string]string{}
	model := newModel(s, m.ID, modelOpts{now: meetingStart.Add(10 * time.Minute)})
	tm := startProgram(t, model, w, h, "planlagt start")
	grab := func(name string) { frames[name] = currentFrame(t, tm) }
	grab("agenda")
	for i, it := range m.Items {
		if i > 0 {
			tm.Send(key("j"))
		}
		tm.Send(key("enter"))
		name := fmt.Sprintf("item %d (%s)", i+1, it.Kind)
		grab(name)
		switch it.Kind {
		case meeting.KindTalk:
			for n := range len(m.Pack.Slides) + 1 {
				tm.Send(key("pgdown"))
				grab(fmt.Sprintf("%s slide %d down", name, n+1))
				tm.Send(key("l"))
				grab(fmt.Sprintf("%s slide %d", name, n+2))
			}
		case meeting.KindData:
			for p := range len(it.Indicators) + 1 {
				tm.Send(key("r"))
				grab(fmt.Sprintf("%s page %d toggled", name, p+1))
				tm.Send(key("r"))
				grab(fmt.Sprintf("%s page %d", name, p+1))
				tm.Send(key("v"))
				grab(fmt.Sprintf("%s page %d trend", name, p+1))
				tm.Send(key("v"))
				tm.Send(key("pgdown"))
				grab(fmt.Sprintf("%s page %d down", name, p+1))
				tm.Send(key("l"))
			}
		}
		tm.Send(key("esc"))
	}
	tm.Send(key("O"))
	waitFor(t, tm, "Opfølgning på tiltag (4)")
	grab("follow-up")
	tm.Send(key("esc"))
	tm.Send(key("T"))
	waitFor(t, tm, "Tiltag (4)")
	grab("pledges")
	tm.Send(key("esc"))
	drained(t, tm) // the chart state is stored; the next pass starts from it
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return frames
}

// pledgeList are the screens that list people and pledges by practice,
// with no figure beside them: the pledges and their follow-up, and the
// welcome's apologies ("Åse Bødker (Lægerne Østergade) – ferie").
var pledgeList = map[string]bool{"follow-up": true, "pledges": true, "item 1 (welcome)": true}

func isDigits(s string) bool { return strings.Trim(s, "0123456789") == "" }

// TestProjectedScreensAreInertAndAnonymous is the wall's acceptance test:
// whatever an older version stored, no projected frame carries an escape
// code or a control character, no line is wider than the window, and no
// non-consenting practice's name or ydernummer (with or without its
// leading zero) is on it.
func TestProjectedScreensAreInertAndAnonymous(t *testing.T) {
	s, m, practices, consented := hostileMeeting(t)
	var secrets []string
	for _, p := range practices {
		if consented[p.Ydernummer] {
			continue
		}
		token, _, _ := strings.Cut(p.Name, " ")
		secrets = append(secrets, token, p.Ydernummer, strings.TrimLeft(p.Ydernummer, "0"))
	}
	var all []string // every practice's secrets, for consent off
	for _, p := range practices {
		token, _, _ := strings.Cut(p.Name, " ")
		all = append(all, token, p.Ydernummer, strings.TrimLeft(p.Ydernummer, "0"))
	}
	type pass struct {
		name    string
		w, h    int
		secrets []string
		off     bool // consent withdrawn first
	}
	for _, ps := range []pass{{"80x24", 80, 24, secrets, false}, {"200x60", 200, 60, secrets, false}, {"80x24 consent off", 80, 24, all, true}} {
		size := ps
		secrets := ps.secrets
		t.Run(ps.name, func(t *testing.T) {
			resetChart(t, s, m.ID)
			if ps.off {
				for yd := range consented {
					if _, err := s.SetConsent(context.Background(), m.ID, yd, false, meetingStart.Add(time.Minute)); err != nil {
						t.Fatal(err)
					}
				}
			}
			frames := projectedFrames(t, s, m, size.w, size.h)
			names := make([]string, 0, len(frames))
			for n := range frames {
				names = append(names, n)
			}
			sort.Strings(names)
			sawConsented := false
			for _, name := range names {
				f := frames[name]
				for i, r := range f {
					if r == '\n' {
						continue
					}
					if r == 0x1b || unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
						t.Errorf("%s: control character %U at byte %d:\n%s", name, r, i, f)
						break
					}
				}
				assertFits(t, f, size.w, size.h)
				for _, secret := range secrets {
					if pledgeList[name] && !isDigits(secret) {
						// Pledges are the practices' own spoken commitments,
						// listed under the practice's name; no figure is
						// shown beside them, and never a ydernummer.
						continue
					}
					if strings.Contains(f, secret) {
						t.Errorf("%s: shows %q of a practice that did not consent:\n%s", name, secret, f)
					}
				}
				sawConsented = sawConsented || (strings.Contains(name, "data") && strings.Contains(f, "Zq00 ␛[31mRød"))
			}
			if sawConsented == ps.off {
				t.Errorf("the consenting practice's name should show, inert, on the charts exactly while it consents (consent off: %v)", ps.off)
			}
			if len(frames) < 20 {
				t.Errorf("only %d frames walked", len(frames))
			}
		})
	}
}

// TestTypedTextCannotHoldControls: a pasted or typed escape code, tab,
// newline or direction override never reaches the store.
func TestTypedTextCannotHoldControls(t *testing.T) {
	s, m := mustDemoMeeting(t)
	model := newModel(s, m.ID, modelOpts{})
	tm := startProgram(t, model, 80, 24, "tryk s")
	tm.Send(key("F"))
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlN})
	waitFor(t, tm, "Gæst")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Pia \x1b]0;pwned\a\x1b[31mFar\tmaceut\u202E\n"), Paste: true})
	if f := currentFrame(t, tm); strings.ContainsRune(f, 0x1b) || strings.Contains(f, "\u202E") {
		t.Fatalf("the form shows a control character:\n%q", f)
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText(tm, "farmaceut\x1b[2J")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "er skrevet på som gæst")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Meeting(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Guests) != 1 {
		t.Fatalf("guests %+v", stored.Guests)
	}
	g := stored.Guests[0]
	for _, text := range []string{g.Name, g.Role} {
		if err := meeting.CheckText(meeting.TextName, text); err != nil {
			t.Errorf("stored %q breaks the text rule: %v", text, err)
		}
	}
	if g.Name != "Pia ]0;pwned[31mFar maceut" {
		t.Errorf("guest name %q", g.Name)
	}
}
