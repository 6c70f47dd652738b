package ansi

import (
	"strings"

	"golang.org/x/net/html"
)

// RenderContext holds the current rendering options and state.
type RenderContext struct {
	options Options

	blockStack *BlockStack
	table      *TableElement
}

// NewRenderContext returns a new RenderContext.
func NewRenderContext(options Options) RenderContext {
	return RenderContext{
		options:    options,
		blockStack: &BlockStack{},
		table:      &TableElement{},
	}
}

// SanitizeHTML sanitizes HTML content: it returns the text without tags,
// comments or the content of the elements in skipContent, with character
// references decoded.
//
// klynge's fork strips with x/net/html's tokenizer instead of bluemonday's
// strict policy, which gave the same text: bluemonday and its CSS packages
// compiled about 1 MB of regular expressions at start-up (see PATCH.md).
func (ctx RenderContext) SanitizeHTML(s string, trimSpaces bool) string {
	s = stripTags(s)
	if trimSpaces {
		s = strings.TrimSpace(s)
	}
	return s
}

// skipContent are the elements whose text goes with their tags, the list
// bluemonday's strict policy skips.
var skipContent = map[string]bool{
	"frame": true, "frameset": true, "iframe": true, "noembed": true,
	"noframes": true, "noscript": true, "nostyle": true, "object": true,
	"script": true, "style": true, "title": true,
}

func stripTags(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skipping := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skipping == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			if name, _ := z.TagName(); skipContent[string(name)] {
				skipping++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); skipContent[string(name)] && skipping > 0 {
				skipping--
			}
		}
	}
}
