package meeting

import (
	"regexp"
	"sync"
)

// LazyRegexp compiles expr on first use, not at package initialisation:
// every klynge command, `klynge version` and `klynge run` too, would
// otherwise compile every package-level pattern before main, most of them
// for input it never reads. Each package of klynge declares its patterns
// with it.
func LazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
