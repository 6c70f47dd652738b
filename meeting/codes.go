package meeting

import (
	"crypto/rand"
	"fmt"
	"io"
	"math/big"
	"time"
)

// CodeName returns the i-th letter code: A … Z, then AA, AB, … (as
// spreadsheet columns are named).
func CodeName(i int) string {
	name := ""
	for i >= 0 {
		name = string(rune('A'+i%26)) + name
		i = i/26 - 1
	}
	return name
}

// CodeLess orders letter codes as CodeName draws them: A … Z before AA.
func CodeLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// NewCodes gives each practice a fresh letter code for one meeting. The
// codes are a random permutation drawn from rnd, so they follow neither
// the order of the ydernumre nor of the names. Pass crypto/rand.Reader in
// production; a test may pass a fixed stream to get a fixed assignment.
func NewCodes(ydernumre []string, rnd io.Reader) (map[string]string, error) {
	if rnd == nil {
		rnd = rand.Reader
	}
	order := make([]int, len(ydernumre))
	for i := range order {
		order[i] = i
	}
	// Fisher–Yates with unbiased draws.
	for i := len(order) - 1; i > 0; i-- {
		j, err := rand.Int(rnd, big.NewInt(int64(i+1)))
		if err != nil {
			return nil, fmt.Errorf("%w: %w", Errork(EINTERNAL, "err.DrawCodes", err), err)
		}
		order[i], order[j.Int64()] = order[j.Int64()], order[i]
	}
	codes := make(map[string]string, len(ydernumre))
	for i, yd := range ydernumre {
		if _, dup := codes[yd]; dup {
			return nil, Errork(EINVALID, "err.PracticeTwice", yd)
		}
		codes[yd] = CodeName(order[i])
	}
	return codes, nil
}

// Consent records that a practice agreed, at this meeting, to be shown by
// name on the charts.
type Consent struct {
	Ydernummer string
	Given      bool
	At         time.Time
}
