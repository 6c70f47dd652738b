package store_test

import (
	"github.com/klynge/klynge/store"
	"github.com/klynge/klynge/tui"
)

// The TUI declares the store it needs where it uses it; the SQLite store
// must satisfy it, checked when the tests compile (go vet, go test).
var _ tui.Store = (*store.Store)(nil)
