// Package klynge holds the demo pack and roster, embedded so the binary can
// run `klynge demo` anywhere. It lives at the module root only because
// //go:embed cannot reach into a parent folder; the program itself is in
// cmd/klynge, the domain in meeting.
package klynge

import (
	"embed"
	"io/fs"
)

// Paths inside DemoFS.
const (
	// DemoPackDir is the demo pack folder (pack.toml, slides.md, data.csv).
	DemoPackDir = "kol"
	// DemoRoster is the demo cluster's roster.
	DemoRoster = "roster.csv"
)

//go:embed testdata/demo
var demo embed.FS

// DemoFS is the demo material rooted at testdata/demo, so it holds
// DemoPackDir and DemoRoster.
func DemoFS() fs.FS {
	sub, err := fs.Sub(demo, "testdata/demo")
	if err != nil {
		// fs.Sub fails only on an invalid path, and this one is a constant.
		panic(err)
	}
	return sub
}
