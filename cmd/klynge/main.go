// Command klynge runs a quality-cluster meeting of general practitioners
// from the terminal. This package only wires the parts together: flags and
// subcommands, the store, the pack reader and the TUI.
package main

import (
	"context"
	"crypto/rand"
	"os"
	"os/signal"
	"syscall"

	"github.com/klynge/klynge/meeting"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], environment{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
		clock:  meeting.SystemClock{},
		rnd:    rand.Reader,
	})
	stop()
	os.Exit(code)
}
