package meeting

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr on first use, not at package initialisation:
// every klynge command, `klynge version` too, would otherwise compile
// every pattern of the package before main, most of them for input it
// never reads.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
