package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
	"github.com/klynge/klynge/store"
)

// TestStoreError_OneLanguage checks how a failed commit reaches the screen:
// a store error, keyed in the catalogue and wrapped on its way up, is
// worded in the screen's language, and an internal failure gets the
// general words, never the driver's English.
func TestStoreError_OneLanguage(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "klynge.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, notFound := s.Meeting(context.Background(), 4711)
	if notFound == nil {
		t.Fatal("meeting 4711 was found")
	}
	internal := meeting.Errork(meeting.EINTERNAL, "store.Failed", meeting.Phrase{Key: "store.DoSaveMeeting"}, "sql: database is closed")
	for _, tc := range []struct {
		name string
		err  error
		want map[string]string // by language
	}{
		{"not found, wrapped", fmt.Errorf("commit: %w", notFound),
			map[string]string{"da": "møde 4711 findes ikke", "en": "meeting 4711 does not exist"}},
		{"internal, wrapped", fmt.Errorf("commit: %w", internal),
			map[string]string{"da": Language("da").StoreFailed, "en": Language("en").StoreFailed}},
	} {
		for _, lang := range msg.Langs {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				got := storeError(Language(lang), tc.err)
				if !strings.HasPrefix(got, tc.want[lang]) {
					t.Errorf("storeError = %q, want %q…", got, tc.want[lang])
				}
				if stray := msg.StrayWords(got, lang, nil); len(stray) > 0 {
					t.Errorf("%q has words of the other language: %v", got, stray)
				}
			})
		}
	}
}
