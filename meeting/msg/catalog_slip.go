package msg

// slipEntries are the personal slip's words added for the one-page slip:
// its table, the picture beside each indicator, and the "what now" block.
// The slip's older words stay in catalog_export.go; the keys share its
// prefix, export.Slip, which the catalogue test knows.
var slipEntries = []Entry{
	{"export.SlipColIndicator", "Indikator", "Indicator"},
	{"export.SlipColCluster", "Klyngen", "Cluster"},
	{"export.SlipColPicture", "Jer blandt klyngens praksis", "You among the cluster's practices"},
	{"export.SlipClusterMeanOf", "gennemsnit af %[1]d praksis", "mean of %[1]d {1:practice|practices}"},
	{"export.SlipClusterMedianOf", "median af %[1]d praksis", "median of %[1]d {1:practice|practices}"},
	{"export.SlipPicture", "Billede", "Picture"},
	{"export.SlipDescBand", "den midterste halvdel af klyngen ligger fra %s til %s", "the middle half of the cluster lies from %s to %s"},
	{"export.SlipLegendOwn", "jeres praksis", "your practice"},
	{"export.SlipLegendOthers", "de andre praksis (uden navn)", "the other practices (unnamed)"},
	{"export.SlipLegendBand", "klyngens midterste halvdel", "the cluster's middle half"},
	{"export.SlipLegendMean", "klyngens gennemsnit", "cluster mean"},
	{"export.SlipLegendMedian", "klyngens median", "cluster median"},
	{"export.SlipLegendCentre", "klyngens gennemsnit eller median", "cluster mean or median"},
	{"export.SlipLegendTarget", "mål", "target"},
	{"export.SlipStripLegend", "Billedet: %s jeres praksis · %s de andre praksis · %s klyngens midterste halvdel · %s %s · %s mål",
		"Picture: %s your practice · %s the other practices · %s the cluster's middle half · %s %s · %s target"},
	{"export.SlipSeries", "Udvikling", "Over time"},
	{"export.SlipSeriesDate", "%s %s", "%s %s"},
	{"export.SlipMonthsShort", "jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec", "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"},
	{"export.SlipSeriesLow", "* Under mindste nævner det møde: ikke talt med i klyngens tal.", "* Under the minimum denominator at that meeting: not counted in the cluster's figures."},
	{"export.SlipNowHead", "Jeres næste skridt", "What now"},
	{"export.SlipPledgeAction", "Jeres tiltag fra mødet", "Your pledges from the meeting"},
	{"export.SlipPledgeOwner", "Ansvarlig", "Owner"},
	{"export.SlipPledgeDue", "Frist", "Due"},
	{"export.SlipDueDate", "%[1]d. %[2]s %[3]s", "%[1]d %[2]s %[3]s"},
	{"export.SlipPledgeLink", "Følges på: %s", "Followed on: %s"},
	{"export.SlipPledgeLinkTarget", "Følges på: %s – mål %s", "Followed on: %s – target %s"},
	{"export.SlipNoPledges", "Jeres praksis har ingen tiltag noteret fra dette møde.", "Your practice has no pledges recorded at this meeting."},
	{"export.SlipNext", "Næste klyngemøde: %s, kl. %s", "Next cluster meeting: %s, %s"},
	{"export.SlipNoNext", "Næste klyngemøde er ikke planlagt endnu.", "The next cluster meeting is not planned yet."},

	// The presenter console's preview of a slip (tui/console_slip.go).
	{"tui.KeySlip", "personligt ark", "personal slip"},
	{"tui.SlipAsk", "Personligt ark – ikke til projektor", "Personal slip – not for the projector"},
	{"tui.SlipWarn", "Arket viser én praksis' navn ved dens kode og tal. Vis det kun på din egen skærm, aldrig på projektoren.",
		"The slip shows one practice's name beside its code and figures. Show it on your own screen only, never on the projector."},
	{"tui.SlipPick", "PERSONLIGT ARK – IKKE TIL PROJEKTOR · vælg praksis", "PERSONAL SLIP – NOT FOR THE PROJECTOR · choose a practice"},
	{"tui.SlipTitle", "PERSONLIGT ARK – IKKE TIL PROJEKTOR · kode %s", "PERSONAL SLIP – NOT FOR THE PROJECTOR · code %s"},
	{"tui.SlipNone", "Ingen praksis har en kode ved dette møde endnu: træk koderne først.", "No practice has a code at this meeting yet: draw the codes first."},
	{"tui.SlipKeyPractice", "forrige/næste praksis", "previous/next practice"},
	{"tui.SlipKeyOpen", "vis arket", "show the slip"},
}
