package tui

import (
	"fmt"
	"math"
	"time"
)

// clockDuration formats a duration as m:ss, or h:mm:ss from an hour up,
// always positive; callers add the sign or the word.
func clockDuration(d time.Duration) string {
	d = d.Abs().Round(time.Second)
	h := int(d / time.Hour)
	m := int(d % time.Hour / time.Minute)
	s := int(d % time.Minute / time.Second)
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}

// wholeMinutes rounds a duration to whole minutes, half away from zero.
func wholeMinutes(d time.Duration) int {
	return int(math.Round(d.Minutes()))
}

// drift says how far the meeting is behind or ahead in words.
func (t Text) drift(d time.Duration) string {
	switch m := wholeMinutes(d); {
	case m > 0:
		return fmt.Sprintf(t.Behind, m)
	case m < 0:
		return fmt.Sprintf(t.Ahead, -m)
	}
	return t.OnTime
}

// joinNames lists names as "a, b og c" / "a, b and c".
func (t Text) joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	out := ""
	for i, n := range names[:len(names)-1] {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out + " " + t.And + " " + names[len(names)-1]
}
