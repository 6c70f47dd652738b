package msg

// domainEntries word the errors of meeting and store (see meeting.Errork).
var domainEntries = []Entry{}

// cliEntries are the command line's texts.
var cliEntries = []Entry{}

// packEntries word the problems found in a pack, a roster or a data file.
var packEntries = []Entry{}

// exportEntries are the words of the exports (minutes, lists, slips).
var exportEntries = []Entry{}
