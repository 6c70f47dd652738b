package msg

// trendEntries are the words of the trend per indicator across meetings
// (issue 17): the store's history read and the projected trend page.
var trendEntries = []Entry{
	{"store.DoReadIndicatorHistory", "læse indikatoren %s på klyngens tidligere møder", "read indicator %s at the cluster's earlier meetings"},
}
