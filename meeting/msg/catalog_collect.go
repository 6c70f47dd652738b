package msg

// collectEntries are the texts of collecting figures from the practices:
// `klynge data request`, the import of many returned files and region
// extracts, `klynge data status` and the data item's arrival list.
var collectEntries = []Entry{
	{"problem.NoClusterRows", "ingen af filens %[1]d {1:række|rækker} er for en praksis i klyngen (%[2]d andre {2:praksis|praksis}): tjek ydernumrene mod medlemslisten, eller om det er den rigtige fil", "none of the file's %[1]d {1:row is|rows are} for a practice of the cluster (%[2]d other {2:practice|practices}): check the ydernumre against the roster, or whether this is the right file"},
	{"store.ArrivalNoTime", "importen har intet tidspunkt for, hvornår tallene kom", "the import has no time for when the figures arrived"},
	{"store.TimeArrival", "tidspunktet, tallene kom", "the time the figures arrived"},
	{"store.DoRecordArrival", "registrere, at tallene fra praksis %s er kommet", "record the arrival of practice %s's figures"},
	{"store.DoSaveRegion", "gemme regionstallet for %s", "save the region figure for %s"},
	{"store.DoReadArrivals", "læse, hvornår tallene kom, for %s", "read when the figures arrived for %s"},
	{"store.DoReadRegions", "læse regionstallene for %s", "read the region figures of %s"},
	{"store.RegionIndicator", "regionstal for »%s«, som ikke er en indikator i mødets pakke", "a region figure for %q, which is not an indicator of the meeting's pack"},
	{"store.RegionInPack", "pakken angiver allerede et regionstal for »%s«; et tal fra en fil erstatter det ikke", "the pack already gives a region figure for %q; a figure from a file does not replace it"},
	{"store.RegionBad", "regionstallet for »%s« er ikke et tal af mindst én praksis", "the region figure for %q is not a number over at least one practice"},
}
