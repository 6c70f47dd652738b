package msg

// domainEntries word the errors of meeting and store (see meeting.Errork).
var domainEntries = []Entry{
	{"err.MeetingEnded", "Mødet er slut; genåbn det først (b), hvis dagsordenen skal ændres.", "The meeting has ended; reopen it first (b) to change the agenda."},
	{"err.MeetingNotEnded", "Mødet er ikke slut, så der er intet at genåbne.", "The meeting has not ended, so there is nothing to reopen."},
	{"err.RoundHeld", "»%s« er holdt; rundens længde kan ikke længere ændres.", "%q has been held; the round's length can no longer change."},
	{"err.RoundDropped", "»%s« er droppet; tag det med igen først.", "%q is dropped; bring it back first."},
}

// cliEntries are the command line's texts.
var cliEntries = []Entry{
	{"cli.MeetingListHead", "ID\tDATO\tTID\tSTATUS\tTITEL", "ID\tDATE\tTIME\tSTATUS\tTITLE"},
	{"cli.MeetingPlanned", "planlagt", "planned"},
	{"cli.MeetingStarted", "i gang siden %s", "started %s"},
	{"cli.MeetingEnded", "slut", "ended"},
	{"cli.MeetingEndedAt", "sluttede %s", "ended %s"},
}

// packEntries word the problems found in a pack, a roster or a data file.
var packEntries = []Entry{}

// exportEntries are the words of the exports (minutes, lists, slips).
var exportEntries = []Entry{}
