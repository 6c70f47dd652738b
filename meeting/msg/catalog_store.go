package msg

// storeEntries word the errors of the store (database, backups, locks).
var storeEntries = []Entry{}
