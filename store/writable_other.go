//go:build !unix

package store

// folderWritable is not checked here: SQLite reports a folder it cannot
// write in when it opens the file.
func folderWritable(dir string) error { return nil }
