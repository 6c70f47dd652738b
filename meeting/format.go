package meeting

import (
	"strconv"
	"strings"
)

// FormatNumber writes a value in unit the way the language writes numbers,
// without the unit's symbol: one decimal for shares and rates, none for
// counts and days; a decimal comma and a thousands dot in Danish ("da"),
// a decimal point and a thousands comma in English ("en"). The projected
// charts and the personal slips both write figures with it, so a practice
// sees the same number on the wall and on paper.
func FormatNumber(v float64, unit Unit, lang string) string {
	decimals := 1
	if unit == UnitCount || unit == UnitDays {
		decimals = 0
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	thousands, decimal := ".", ","
	if strings.HasPrefix(lang, "en") {
		thousands, decimal = ",", "."
	}
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(decimal + frac)
	}
	return b.String()
}
