package export

import (
	"html/template"
	"sync"
)

// slipTemplate is the HTML page. html/template escapes every value, in
// the SVG as in the text, so a practice named "Lægerne <Syd> & Co" or an
// indicator titled "<script>" prints as written and runs nothing. The page
// loads nothing: no font, no script, no image from anywhere.
//
// It is laid out for one A4 sheet: a table with one row per indicator
// (figures, then the picture), the context in a short table, the "what
// now" block, and the notes. Sizes are in points and millimetres, as a
// printer counts them; every line is black or a light grey fill, so a
// grey-scale printer loses nothing.
//
// It is parsed when the first slip is written, not at package
// initialisation, which every klynge command pays before main.
var slipTemplate = sync.OnceValue(func() *template.Template { return template.Must(template.New("slip").Parse(slipHTML)) })

// slipHTML is slipTemplate's text.
const slipHTML = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.DocTitle}}</title>
<style>
@page { size: A4; margin: 8mm 11mm; }
html { background: #fff; color: #000; }
body { font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 9.5pt; line-height: 1.2; max-width: 188mm; margin: 1.5em auto; padding: 0 1em; }
p { margin: 0; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; border-bottom: 1.5pt solid #000; padding-bottom: 2mm; }
.kicker { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.06em; }
h1 { font-size: 16pt; line-height: 1.15; margin: 0.5mm 0 1mm; }
.code { text-align: right; font-size: 10pt; white-space: nowrap; }
.code strong { display: inline-block; font-size: 26pt; line-height: 1; border: 2.5pt solid #000; border-radius: 4pt; padding: 1pt 9pt; margin-left: 4pt; vertical-align: middle; }
.private { font-weight: bold; margin: 1.2mm 0 1.2mm; }
h2 { font-size: 11pt; margin: 0 0 1mm; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.9mm 2mm 0.9mm 0; }
table.figures { table-layout: fixed; }
table.figures thead th { font-size: 8.5pt; font-weight: normal; vertical-align: bottom; border-bottom: 1pt solid #000; padding-top: 0; }
table.figures thead th.own { font-weight: bold; }
table.figures tbody tr { break-inside: avoid; page-break-inside: avoid; }
table.figures tbody th, table.figures tbody td { border-bottom: 0.5pt solid #000; }
col.ind { width: auto; }
col.num { width: 19mm; }
col.bench { width: 15mm; }
col.pic { width: 46mm; }
.title { display: block; font-weight: bold; font-size: 9.5pt; }
.meta, .place, .note { display: block; font-size: 8pt; font-weight: normal; }
.value { display: block; font-size: 10.5pt; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.own .value { font-size: 12pt; font-weight: bold; }
td.pic { padding-right: 0; }
svg.pic { display: block; width: 44mm; height: 8.25mm; margin-top: 0.5mm; }
table.figures table.series { width: 100%; table-layout: auto; font-size: 6.5pt; line-height: 1.15; margin-top: 0.8mm; }
table.figures table.series th, table.figures table.series td { border: 0; padding: 0 0 0 0.6mm; text-align: right; white-space: nowrap; font-weight: normal; font-variant-numeric: tabular-nums; }
table.figures table.series th:first-child { padding-left: 0; width: 3mm; text-align: left; }
table.figures table.series td.ownv { font-weight: bold; }
table.series svg.key { width: 3.2mm; height: 2.4mm; margin: 0; }
.legend { font-size: 8pt; margin: 1mm 0 2mm; }
.legend span { white-space: nowrap; margin-right: 3mm; }
svg.key { width: 4mm; height: 3mm; vertical-align: -0.4mm; margin-right: 0.8mm; }
section { break-inside: avoid; page-break-inside: avoid; margin: 0 0 2mm; }
.intro { font-size: 8.5pt; margin-bottom: 0.5mm; }
table.context th, table.context td { border-bottom: 0.5pt solid #000; padding-top: 0.6mm; padding-bottom: 0.6mm; }
table.context tbody th { font-weight: normal; }
table.context td, table.context thead th { text-align: right; white-space: nowrap; padding-left: 3mm; font-variant-numeric: tabular-nums; }
table.context thead th:first-child { text-align: left; padding-left: 0; }
table.context thead th { font-weight: normal; font-size: 8.5pt; }
section.now { border: 1.5pt solid #000; padding: 1.5mm 3mm; }
table.pledges th { font-size: 8.5pt; font-weight: normal; border-bottom: 0.75pt solid #000; padding-top: 0; }
table.pledges td { border-bottom: 0.5pt solid #000; }
table.pledges td.action { white-space: pre-line; }
table.pledges td.due { white-space: nowrap; }
table.pledges .note { margin-top: 0.5mm; }
.next { font-weight: bold; font-size: 10.5pt; margin-top: 1.5mm; }
footer { border-top: 1pt solid #000; padding-top: 1mm; font-size: 8pt; }
footer p { margin: 0 0 0.8mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
}
</style>
</head>
<body>
<header>
<div>
<p class="kicker">{{.Kicker}}</p>
<h1>{{.Practice}}</h1>
<p class="meeting">{{.MeetingTitle}}<br>{{.When}}{{with .Period}} · {{.}}{{end}}</p>
</div>
<p class="code">{{.CodeLabel}} <strong>{{.Code}}</strong></p>
</header>
<p class="private">{{.Private}}</p>
<main>
{{- if .Lines}}
<table class="figures">
<colgroup><col class="ind"><col class="num"><col class="num"><col class="bench">{{if .HasRegion}}<col class="bench">{{end}}{{if .HasNational}}<col class="bench">{{end}}<col class="pic"></colgroup>
<thead><tr><th scope="col">{{.Columns.Indicator}}</th><th scope="col" class="own">{{.Columns.Own}}</th><th scope="col">{{.Columns.Cluster}}</th><th scope="col">{{.Columns.Target}}</th>{{if .HasRegion}}<th scope="col">{{.Columns.Region}}</th>{{end}}{{if .HasNational}}<th scope="col">{{.Columns.National}}</th>{{end}}<th scope="col">{{.Columns.Picture}}</th></tr></thead>
<tbody>
{{- range .Lines}}
<tr>
<th scope="row"><span class="title">{{.Title}}</span><span class="meta">{{.Meta}}</span><span class="place">{{$.PlacementLabel}}: <strong>{{.Placement}}</strong></span></th>
<td class="own"><span class="value">{{.Own.Value}}</span>{{range .Own.Notes}}<span class="note">{{.}}</span>{{end}}</td>
<td><span class="value">{{.Cluster.Value}}</span><span class="note">{{.ClusterNote}}</span></td>
<td><span class="value">{{or .Target.Value "–"}}</span></td>
{{- if $.HasRegion}}
<td><span class="value">{{or .Region.Value "–"}}</span></td>
{{- end}}
{{- if $.HasNational}}
<td><span class="value">{{or .National.Value "–"}}</span></td>
{{- end}}
<td class="pic">{{with .Picture}}{{$p := .}}<svg class="pic" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 30" role="img"><title>{{.Title}}</title><desc>{{.Desc}}</desc>
{{- with .Band}}<rect x="{{$p.X (index . 0)}}" y="5" width="{{$p.BandW}}" height="14" fill="#c8c8c8"/>{{end}}
<line x1="5" y1="22" x2="155" y2="22" stroke="#000" stroke-width="0.8"/><line x1="5" y1="22" x2="5" y2="25" stroke="#000" stroke-width="0.8"/><line x1="80" y1="22" x2="80" y2="24.5" stroke="#000" stroke-width="0.6"/><line x1="155" y1="22" x2="155" y2="25" stroke="#000" stroke-width="0.8"/>
{{- range .Others}}<circle cx="{{$p.X .}}" cy="12" r="2.8" fill="#fff" stroke="#000" stroke-width="0.8"/>{{end}}
{{- with .Target}}<line x1="{{$p.X .}}" y1="4" x2="{{$p.X .}}" y2="22" stroke="#000" stroke-width="1" stroke-dasharray="2 1.4"/><path d="M{{$p.X .}} 5l-3.2-5h6.4z" fill="#000"/>{{end}}
{{- with .Centre}}<line x1="{{$p.X .}}" y1="2" x2="{{$p.X .}}" y2="22" stroke="#000" stroke-width="2.2"/>{{end}}
{{- with .Own}}<circle cx="{{$p.X .}}" cy="12" r="5.2" fill="#000" stroke="#fff" stroke-width="1.2"/>{{end}}
<text x="5" y="29.6" font-size="7.5" font-family="Helvetica, Arial, sans-serif">{{.Lo}}</text><text x="155" y="29.6" font-size="7.5" font-family="Helvetica, Arial, sans-serif" text-anchor="end">{{.Hi}}</text></svg>{{end}}
{{- with .Series}}{{if .Dates}}
<table class="series" aria-label="{{$.SeriesLabel}}">
<tr><th scope="col"></th>{{range .Dates}}<th scope="col">{{.}}</th>{{end}}</tr>
<tr><th scope="row" title="{{.OwnLabel}}"><svg class="key" viewBox="0 0 16 12" aria-hidden="true"><circle cx="8" cy="6" r="4.6" fill="#000"/></svg></th>{{range .Own}}<td class="ownv">{{.}}</td>{{end}}</tr>
<tr><th scope="row" title="{{.ClusterLabel}}"><svg class="key" viewBox="0 0 16 12" aria-hidden="true"><line x1="8" y1="0" x2="8" y2="12" stroke="#000" stroke-width="2.2"/></svg></th>{{range .Cluster}}<td>{{.}}</td>{{end}}</tr>
</table>
{{- end}}{{end}}</td>
</tr>
{{- end}}
</tbody>
</table>
<p class="legend">
{{- range .Legend}}
<span>{{if eq .Mark "own"}}<svg class="key" viewBox="0 0 16 12" aria-hidden="true"><circle cx="8" cy="6" r="4.6" fill="#000"/></svg>
{{- else if eq .Mark "other"}}<svg class="key" viewBox="0 0 16 12" aria-hidden="true"><circle cx="8" cy="6" r="2.6" fill="#fff" stroke="#000" stroke-width="0.8"/></svg>
{{- else if eq .Mark "band"}}<svg class="key" viewBox="0 0 16 12" aria-hidden="true"><rect x="1" y="1" width="14" height="10" fill="#c8c8c8"/></svg>
{{- else if eq .Mark "centre"}}<svg class="key" viewBox="0 0 16 12" aria-hidden="true"><line x1="8" y1="0" x2="8" y2="12" stroke="#000" stroke-width="2.2"/></svg>
{{- else}}<svg class="key" viewBox="0 0 16 12" aria-hidden="true"><path d="M4.8 0h6.4l-3.2 5z" fill="#000"/><line x1="8" y1="5" x2="8" y2="12" stroke="#000" stroke-width="1" stroke-dasharray="2 1.4"/></svg>
{{- end}}{{.Label}}</span>
{{- end}}
</p>
{{- end}}
{{- if .Context}}
<section>
<h2>{{.ContextHead}}</h2>
<p class="intro">{{.ContextIntro}}</p>
<table class="context">
<thead><tr>{{range .ContextColumns}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Context}}
<tr>{{range $i, $c := .}}{{if eq $i 0}}<th scope="row">{{$c}}</th>{{else}}<td>{{$c}}</td>{{end}}{{end}}</tr>
{{- end}}
</tbody>
</table>
</section>
{{- end}}
<section class="now">
<h2>{{.NowHead}}</h2>
{{- if .Pledges}}
<table class="pledges">
<thead><tr>{{range .PledgeColumns}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Pledges}}
<tr><td class="action">{{.Action}}{{with .Link}}<span class="note">{{.}}</span>{{end}}</td><td>{{.Owner}}</td><td class="due">{{.Due}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>{{.NoPledges}}</p>
{{- end}}
<p class="next">{{.Next}}</p>
</section>
</main>
<footer>
{{- if .AnyLowInSeries}}
<p>{{.SeriesLowNote}}</p>
{{- end}}
{{- range .Footer}}
<p>{{.}}</p>
{{- end}}
</footer>
</body>
</html>
`
