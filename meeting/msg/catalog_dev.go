package msg

// devEntries word the hidden developer commands (klynge dev …), which
// make test data for measuring.
var devEntries = []Entry{
	{"cli.Seeded", "%[1]s: %[2]d {2:møde|møder} over %[3]d år i klyngen »%[4]s« med %[5]d læger, %[6]d tiltag; `klynge run` åbner aftenens møde (%[7]d)",
		"%[1]s: %[2]d {2:meeting|meetings} over %[3]d {3:year|years} in cluster %[4]q with %[5]d doctors, %[6]d pledges; `klynge run` opens tonight's meeting (%[7]d)"},
	{"cli.SeedNotEmpty", "%s har allerede en klynge: historikken lægges kun i en ny database; vælg en anden --db", "%s already has a cluster: the history goes into a new database only; choose another --db"},
	{"cli.SeedYears", "--years %d: vælg mellem 1 og 50 år", "--years %d: choose between 1 and 50 years"},
}
