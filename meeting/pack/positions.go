package pack

import (
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// tomlIndex says where each key and value of a TOML document is written.
// go-toml decodes values but forgets positions once decoding succeeds, so
// the checker, which finds semantic problems after decoding, looks places up
// here by key path: "title", "agenda[2].kind", "agenda[2].indicators[1]".
type tomlIndex struct {
	keys   map[string]pos // where the key is written
	values map[string]pos // where the value starts
	// headers holds, for each table that is an element of an array (an
	// [[agenda]] block or an inline { … } table), where it begins: the
	// place to report a key that is missing from it.
	headers map[string]pos
}

// indexTOML walks the document with go-toml's parser. It must only be
// called on a document that decoded without error.
func indexTOML(t *text) tomlIndex {
	idx := tomlIndex{keys: map[string]pos{}, values: map[string]pos{}, headers: map[string]pos{}}
	w := tomlWalker{t: t, idx: idx, arrays: map[string]int{}}
	var p unstable.Parser
	p.Reset(t.src)
	for p.NextExpression() {
		w.expression(p.Expression())
	}
	return idx
}

// tomlWalker holds what a walk needs between expressions: the table the
// following key/values belong to, and how many elements each array of
// tables has so far, which gives [[agenda]] blocks their index.
type tomlWalker struct {
	t       *text
	idx     tomlIndex
	current string
	arrays  map[string]int
}

func (w *tomlWalker) expression(e *unstable.Node) {
	switch e.Kind {
	case unstable.KeyValue:
		w.keyValue(w.current, e)
	case unstable.Table, unstable.ArrayTable:
		parts := keyParts(e)
		path := ""
		for i, part := range parts {
			path = joinKey(path, string(part.Data))
			w.setKey(path, part)
			if n := w.arrays[path]; n > 0 && i < len(parts)-1 {
				// [agenda.x] after [[agenda]] belongs to the last agenda item.
				path = fmt.Sprintf("%s[%d]", path, n-1)
			}
		}
		if e.Kind == unstable.ArrayTable {
			n := w.arrays[path]
			w.arrays[path] = n + 1
			path = fmt.Sprintf("%s[%d]", path, n)
		}
		w.idx.headers[path] = w.headerStart(parts[0])
		w.current = path
	}
}

// keyValue records a key/value under the table prefix, following dotted
// keys, and descends into arrays and inline tables.
func (w *tomlWalker) keyValue(prefix string, kv *unstable.Node) {
	parts := keyParts(kv)
	path := prefix
	for _, part := range parts {
		path = joinKey(path, string(part.Data))
		w.setKey(path, part)
	}
	last := parts[len(parts)-1]
	w.idx.values[path] = w.t.at(w.valueStart(last))
	w.value(path, kv.Value())
}

func (w *tomlWalker) value(path string, v *unstable.Node) {
	switch v.Kind {
	case unstable.Array:
		i := 0
		for it := v.Children(); it.Next(); {
			elem := it.Node()
			if elem.Kind == unstable.Comment {
				continue
			}
			elemPath := fmt.Sprintf("%s[%d]", path, i)
			// Nested arrays carry no range of their own; lookups for them
			// fall back to the enclosing value.
			if elem.Kind != unstable.Array {
				w.idx.values[elemPath] = w.t.at(int(elem.Raw.Offset))
			}
			w.value(elemPath, elem)
			i++
		}
	case unstable.InlineTable:
		w.idx.headers[path] = w.t.at(int(v.Raw.Offset))
		for it := v.Children(); it.Next(); {
			if kv := it.Node(); kv.Kind == unstable.KeyValue {
				w.keyValue(path, kv)
			}
		}
	}
}

// setKey keeps the first place a key is written: for a dotted key used on
// several lines (a.b = 1, a.c = 2) that is where "a" first appears.
func (w *tomlWalker) setKey(path string, part *unstable.Node) {
	if _, ok := w.idx.keys[path]; !ok {
		w.idx.keys[path] = w.t.at(int(part.Raw.Offset))
	}
}

// valueStart finds the value after "key =": go-toml gives arrays no range,
// so the position is read from the text after the key instead.
func (w *tomlWalker) valueStart(lastKey *unstable.Node) int {
	src := w.t.src
	i := int(lastKey.Raw.Offset + lastKey.Raw.Length)
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '=') {
		i++
	}
	return i
}

// headerStart is the "[[" or "[" in front of a table header's first key.
func (w *tomlWalker) headerStart(firstKey *unstable.Node) pos {
	src := w.t.src
	i := int(firstKey.Raw.Offset)
	for i > 0 && (src[i-1] == '[' || src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	return w.t.at(i)
}

func keyParts(n *unstable.Node) []*unstable.Node {
	var parts []*unstable.Node
	for it := n.Key(); it.Next(); {
		parts = append(parts, it.Node())
	}
	return parts
}

func joinKey(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// parentKey strips the last ".key" or "[n]" from a path; "" is the root.
func parentKey(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

// valueAt is where the value at path is written, falling back to its key
// and then to the enclosing value, so every problem gets some place.
func (idx tomlIndex) valueAt(path string) pos {
	for p := path; p != ""; p = parentKey(p) {
		if at, ok := idx.values[p]; ok {
			return at
		}
		if at, ok := idx.keys[p]; ok {
			return at
		}
		if at, ok := idx.headers[p]; ok {
			return at
		}
	}
	return pos{}
}

// keyAt is where the key at path is written.
func (idx tomlIndex) keyAt(path string) pos {
	if at, ok := idx.keys[path]; ok {
		return at
	}
	return idx.valueAt(path)
}

// headerAt is where the table at path begins: the place to report a key
// missing from it.
func (idx tomlIndex) headerAt(path string) pos {
	if at, ok := idx.headers[path]; ok {
		return at
	}
	return idx.keyAt(path)
}
