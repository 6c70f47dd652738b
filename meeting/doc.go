// Package meeting is klynge's domain: clusters, practices and members, packs
// with their agenda and indicators, and meetings. It is plain Go with no I/O;
// the store and the TUI depend on it, never the other way round.
package meeting
