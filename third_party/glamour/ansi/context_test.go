package ansi

import "testing"

// TestSanitizeHTML holds the fork's tag stripper to the text bluemonday's
// strict policy gave (then unescaped, as upstream's SanitizeHTML did); the
// wants were produced by bluemonday v1.0.27.
func TestSanitizeHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<b>bold</b> and <i>it</i>", "bold and it"},
		{"a &amp; b &lt;c&gt; &quot;q&quot; &#39;", "a & b <c> \"q\" '"},
		{"<script>alert(1)</script>after", "after"},
		{"<style>p{}</style>text", "text"},
		{"<!-- comment -->visible", "visible"},
		{"<div><p>nested <span>deep</span></p></div>", "nested deep"},
		{"<br/>line<br>break", "linebreak"},
		{"<a href=\"javascript:x\">link</a>", "link"},
		{"<title>t</title><noscript>n</noscript><iframe>i</iframe>ok", "ok"},
		{"unclosed <b>bold", "unclosed bold"},
		{"stray < less and > greater", "stray < less and > greater"},
		{"<details><summary>Sum</summary>Body</details>", "SumBody"},
		{"<img src=x onerror=alert(1)>", ""},
		{"\x1b[31mred\x1b[0m <b>x</b>", "\x1b[31mred\x1b[0m x"},
		{"", ""},
		{"  spaced  ", "  spaced  "},
		{"<object>o</object><embed>e</embed><textarea>ta</textarea>", "eta"},
	}
	ctx := NewRenderContext(Options{})
	for _, tt := range tests {
		if got := ctx.SanitizeHTML(tt.in, false); got != tt.want {
			t.Errorf("SanitizeHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := ctx.SanitizeHTML("  <b>x</b>  ", true); got != "x" {
		t.Errorf("SanitizeHTML with trimSpaces = %q, want %q", got, "x")
	}
}
