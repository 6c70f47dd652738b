package tui

import "strings"

// bigGlyphs is a block font five rows tall, for the round timer that the
// back of the room must read. Each glyph is the same width within itself.
func bigGlyphs() map[rune][5]string {
	return map[rune][5]string{
		'0': {"█████", "█   █", "█   █", "█   █", "█████"},
		'1': {"  ██ ", "   █ ", "   █ ", "   █ ", "  ███"},
		'2': {"█████", "    █", "█████", "█    ", "█████"},
		'3': {"█████", "    █", " ████", "    █", "█████"},
		'4': {"█   █", "█   █", "█████", "    █", "    █"},
		'5': {"█████", "█    ", "█████", "    █", "█████"},
		'6': {"█████", "█    ", "█████", "█   █", "█████"},
		'7': {"█████", "    █", "   █ ", "  █  ", "  █  "},
		'8': {"█████", "█   █", "█████", "█   █", "█████"},
		'9': {"█████", "█   █", "█████", "    █", "█████"},
		':': {"   ", " █ ", "   ", " █ ", "   "},
		'+': {"     ", "  █  ", "█████", "  █  ", "     "},
		'-': {"     ", "     ", "█████", "     ", "     "},
	}
}

// bigText draws s in the block font, scaled by an integer factor: each
// cell becomes scale cells wide and scale rows tall.
func bigText(s string, scale int) []string {
	glyphs := bigGlyphs()
	scale = max(1, scale)
	rows := make([]string, 5)
	for i, r := range []rune(s) {
		g, ok := glyphs[r]
		if !ok {
			g = [5]string{" ", " ", " ", " ", " "}
		}
		for y := range rows {
			if i > 0 {
				rows[y] += strings.Repeat(" ", scale)
			}
			for _, c := range g[y] {
				rows[y] += strings.Repeat(string(c), scale)
			}
		}
	}
	out := make([]string, 0, 5*scale)
	for _, r := range rows {
		for range scale {
			out = append(out, r)
		}
	}
	return out
}

// bigWidth is how wide bigText(s, scale) is.
func bigWidth(s string, scale int) int {
	if s == "" {
		return 0
	}
	return len([]rune(bigText(s, 1)[0])) * scale
}
