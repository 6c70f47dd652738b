package msg

// exportEntries are the words of the exports (minutes, lists, slips).
var exportEntries = []Entry{}
