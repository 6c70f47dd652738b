package msg

// packEntries word the problems found in a pack, a roster or a data file.
var packEntries = []Entry{}
