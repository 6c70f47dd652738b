package pack

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr on first use, not at package initialisation:
// every klynge command, `klynge run` too, would otherwise compile the
// patterns for reading packs and data files before main.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
