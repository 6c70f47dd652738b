package meeting

import (
	"slices"
	"time"
)

// AttendanceStatus is what the coordinator recorded for a member at one
// meeting.
type AttendanceStatus string

// The statuses of the check-in screen. Late and left early both count as
// attended; apologies and absent count as missed.
const (
	StatusPresent    AttendanceStatus = "present"    // til stede
	StatusApologies  AttendanceStatus = "apologies"  // afbud
	StatusAbsent     AttendanceStatus = "absent"     // udeblevet
	StatusLate       AttendanceStatus = "late"       // kom senere
	StatusLeftEarly  AttendanceStatus = "left_early" // gik tidligere
	StatusNotChecked AttendanceStatus = ""           // nothing recorded yet
)

// AttendanceStatuses lists the statuses a coordinator can record.
func AttendanceStatuses() []AttendanceStatus {
	return []AttendanceStatus{StatusPresent, StatusApologies, StatusAbsent, StatusLate, StatusLeftEarly}
}

// Valid reports whether s can be recorded.
func (s AttendanceStatus) Valid() bool {
	return slices.Contains(AttendanceStatuses(), s)
}

// Attended reports whether the status means the member took part.
func (s AttendanceStatus) Attended() bool {
	return s == StatusPresent || s == StatusLate || s == StatusLeftEarly
}

// Attendance is one member's record at one meeting.
type Attendance struct {
	MemberID int64
	Status   AttendanceStatus
	// Reason is the optional reason given with apologies.
	Reason string
	// At is when the status was recorded: the arrival time for late, the
	// leaving time for left early.
	At time.Time
}

// AttendanceRule is the cluster's rule for noticing members who drift
// away, e.g. "may miss at most one of four meetings a year; half a year
// away without apologies and we reach out".
type AttendanceRule struct {
	// MaxMissed is how many meetings a member may miss within the last
	// 12 months before the coordinator reaches out.
	MaxMissed int
	// MonthsAway is how many months without attending, and without
	// apologies, before the coordinator reaches out; 0 turns it off.
	MonthsAway int
}

// DefaultAttendanceRule is used until a cluster sets its own.
func DefaultAttendanceRule() AttendanceRule { return AttendanceRule{MaxMissed: 1, MonthsAway: 6} }
