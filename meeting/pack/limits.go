package pack

import "github.com/klynge/klynge/meeting"

// MaxFileSize is the largest roster or data file klynge reads, 16 MB. A
// cluster's files are a few kilobytes (a data file of every practice in
// Denmark on twenty indicators is about 2 MB); anything much larger is the
// wrong file, and reading it would only fill the screen with problems.
const MaxFileSize = 16 << 20

// tooLarge is the problem of a file read up to MaxFileSize+1 bytes that
// has more than MaxFileSize, or nil.
func tooLarge(src []byte, label string) Problems {
	if len(src) <= MaxFileSize {
		return nil
	}
	return problem(label, "problem.TooLarge", MaxFileSize>>20)
}

// ReadOption adjusts what a roster or data reader reports beside its
// result.
type ReadOption func(*readOptions)

type readOptions struct {
	padded  *int
	foreign *Foreign
}

// Foreign is what a data reader skipped because SkipForeign asked it to:
// the rows of practices outside the cluster, as a region's extract holds
// them. Such rows are never an error on their own; a file where no row
// belongs to the cluster still is (problem.NoClusterRows).
type Foreign struct {
	// Rows is how many rows were skipped, Practices for how many
	// different ydernumre.
	Rows, Practices int
	// Figures are the skipped rows whose indicator is known and whose
	// figures read as a row of the cluster would; the others (a bad
	// number, an unknown indicator, a second row) are skipped silently,
	// since the cluster cannot correct another practice's figures. They
	// are what a region mean is computed from.
	Figures []meeting.DataRow
}

// SkipForeign makes a data reader that checks practices skip the rows of
// practices outside the cluster instead of reporting them, and describe
// them in *f.
func SkipForeign(f *Foreign) ReadOption {
	return func(o *readOptions) { o.foreign = f }
}

// options resolves opts.
func options(opts []ReadOption) readOptions {
	var o readOptions
	for _, f := range opts {
		f(&o)
	}
	return o
}

// CountPadded makes a reader set *n to how many ydernumre it read with 5
// digits and completed with the leading zero a spreadsheet drops
// ("41033" read as "041033"), so the caller can say so once.
func CountPadded(n *int) ReadOption {
	return func(o *readOptions) { o.padded = n }
}

// applyOptions hands what probs counted to the options' pointers.
func applyOptions(opts []ReadOption, probs *problemList) {
	o := options(opts)
	if o.padded != nil {
		*o.padded = probs.padded
	}
	if o.foreign != nil {
		*o.foreign = probs.foreign
	}
}
