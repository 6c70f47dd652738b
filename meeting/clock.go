package meeting

import "time"

// Clock tells the time. Everything that makes a timestamp or runs a timer
// takes a Clock, so tests never sleep.
type Clock interface {
	Now() time.Time
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now returns the current local time.
func (SystemClock) Now() time.Time { return time.Now() }

// FixedClock always returns the same instant; for tests and demos.
type FixedClock time.Time

// Now returns the fixed instant.
func (c FixedClock) Now() time.Time { return time.Time(c) }
