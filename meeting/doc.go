// Package meeting is klynge's domain: clusters, practices and members, packs
// with their agenda and indicators, and meetings. It is plain Go with no I/O;
// the store and the TUI depend on it, never the other way round.
//
// The rules the command line, the TUI and the store share live here once,
// so they cannot drift apart: who is a member on a date
// (Member.ActiveOn, Member.CheckActiveAt), finding members and practices by
// part of a name with Danish folding (Fold, MatchesName,
// Cluster.FindMembers, Cluster.FindPractices), the cluster's next meeting
// (NextMeeting), due dates (AddMonths, ParseDue, DueDate), the follow-up
// item by its kind (KindFollowUp, Meeting.AddFollowUp) and the presenting
// group (Meeting.CheckPresenting, Meeting.SetPresenting).
package meeting
