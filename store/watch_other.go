//go:build !linux

package store

import "context"

// Writes would tell writes to the database's files; here the system has
// no watch klynge uses, so it is nil and the caller polls DataVersion.
func (s *Store) Writes(ctx context.Context) <-chan struct{} { return nil }
