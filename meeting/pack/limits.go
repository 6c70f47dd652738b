package pack

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
	padded *int
}

// CountPadded makes a reader set *n to how many ydernumre it read with 5
// digits and completed with the leading zero a spreadsheet drops
// ("41033" read as "041033"), so the caller can say so once.
func CountPadded(n *int) ReadOption {
	return func(o *readOptions) { o.padded = n }
}

// applyOptions hands what probs counted to the options' pointers.
func applyOptions(opts []ReadOption, probs *problemList) {
	var o readOptions
	for _, f := range opts {
		f(&o)
	}
	if o.padded != nil {
		*o.padded = probs.padded
	}
}
