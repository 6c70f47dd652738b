package meeting

// Quartiles are the lower and upper quartile of the bars that count
// towards the cluster's statistics (the middle half of the cluster lies
// between them), by the chart's own quantile rule. ok is false when fewer
// than the indicator's StatMinPractices count: then no spread may be shown,
// as it would give away the few practices' values.
func (c Chart) Quartiles() (q1, q3 float64, ok bool) {
	values := counted(c.Bars)
	if len(values) == 0 || len(values) < c.Indicator.StatMinPractices() {
		return 0, 0, false
	}
	q1, _ = quantile(values, 0.25)
	q3, _ = quantile(values, 0.75)
	return q1, q3, true
}
