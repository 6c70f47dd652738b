package msg

// collectEntries are the texts of collecting figures from the practices:
// `klynge data request`, the import of many returned files and region
// extracts, `klynge data status` and the data item's arrival list.
var collectEntries = []Entry{
	{"problem.NoClusterRows", "ingen af filens %[1]d {1:række|rækker} er for en praksis i klyngen (%[2]d andre {2:praksis|praksis}): tjek ydernumrene mod medlemslisten, eller om det er den rigtige fil", "none of the file's %[1]d {1:row is|rows are} for a practice of the cluster (%[2]d other {2:practice|practices}): check the ydernumre against the roster, or whether this is the right file"},
}
