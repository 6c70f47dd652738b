package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
)

// headerSize is the size of an SQLite database header; user_version is the
// big-endian 32-bit integer at offset 60.
const headerSize = 100

// fileState is what inspectFile learned about a database file without
// changing it or the -wal beside it.
type fileState struct {
	empty   bool // the file exists and holds no bytes: a new database
	version int  // PRAGMA user_version as a reader would see it
}

// inspectFile reads the schema version of the SQLite database at abs
// without SQLite, so that nothing is written: not the file, not its -wal
// (which opening would checkpoint into it), not its -shm. The version is the
// one in the newest committed copy of page 1, which is in the -wal when a
// crashed or running klynge left one there. A file that is not an SQLite
// database gives errNotSQLite.
func inspectFile(abs string) (fileState, error) {
	f, err := os.Open(abs)
	if err != nil {
		return fileState{}, err
	}
	defer f.Close()
	head := make([]byte, headerSize)
	n, err := io.ReadFull(f, head)
	if n == 0 && errors.Is(err, io.EOF) {
		return fileState{empty: true}, nil
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fileState{}, err
	}
	if err != nil || !bytes.Equal(head[:len(sqliteHeader)], sqliteHeader) {
		return fileState{}, errNotSQLite
	}
	v := int(int32(binary.BigEndian.Uint32(head[60:64])))
	if page1, ok := walPage1(abs + "-wal"); ok {
		v = int(int32(binary.BigEndian.Uint32(page1[60:64])))
	}
	return fileState{version: v}, nil
}

// errNotSQLite says a file does not start with the SQLite header.
var errNotSQLite = errors.New("not an SQLite database")

// walPage1 returns the newest committed copy of page 1 in the write-ahead
// log at path, following the WAL format of https://sqlite.org/fileformat.html
// (section 4): frames count only while their salts match the header's and
// their running checksum holds, and only up to the last commit frame. ok is
// false when there is no log or it holds no committed page 1.
func walPage1(path string) (page1 []byte, ok bool) {
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 32 {
		return nil, false
	}
	var order binary.ByteOrder
	switch binary.BigEndian.Uint32(b[0:4]) {
	case 0x377f0682:
		order = binary.LittleEndian
	case 0x377f0683:
		order = binary.BigEndian
	default:
		return nil, false
	}
	pageSize := int(binary.BigEndian.Uint32(b[8:12]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return nil, false
	}
	salt := b[16:24]
	s0, s1 := walChecksum(order, b[0:24], 0, 0)
	if s0 != binary.BigEndian.Uint32(b[24:28]) || s1 != binary.BigEndian.Uint32(b[28:32]) {
		return nil, false
	}
	var pending, committed []byte
	for off := 32; off+24+pageSize <= len(b); off += 24 + pageSize {
		fh, data := b[off:off+24], b[off+24:off+24+pageSize]
		if !bytes.Equal(fh[8:16], salt) {
			break
		}
		s0, s1 = walChecksum(order, fh[0:8], s0, s1)
		s0, s1 = walChecksum(order, data, s0, s1)
		if s0 != binary.BigEndian.Uint32(fh[16:20]) || s1 != binary.BigEndian.Uint32(fh[20:24]) {
			break
		}
		if binary.BigEndian.Uint32(fh[0:4]) == 1 {
			pending = data
		}
		if binary.BigEndian.Uint32(fh[4:8]) != 0 { // a commit frame
			if pending != nil {
				committed = pending
			}
		}
	}
	if committed == nil || len(committed) < headerSize {
		return nil, false
	}
	return committed, true
}

// walChecksum continues SQLite's WAL checksum over b (a multiple of 8
// bytes) from s0, s1.
func walChecksum(order binary.ByteOrder, b []byte, s0, s1 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(b); i += 8 {
		s0 += order.Uint32(b[i:]) + s1
		s1 += order.Uint32(b[i+4:]) + s0
	}
	return s0, s1
}

// FileSchema returns the schema version of the klynge database at path as
// it is on disk, reading the file and any -wal beside it without changing
// either: 0 for an empty file. It is what `klynge version --db` shows.
func FileSchema(path string) (int, error) {
	st, err := inspectFile(path)
	if err != nil {
		return 0, err
	}
	return st.version, nil
}
