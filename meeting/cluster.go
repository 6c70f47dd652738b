package meeting

import "time"

// Cluster is a kvalitetsklynge: the practices that meet together.
type Cluster struct {
	ID        int64
	Name      string
	Practices []Practice
	// Rule is the cluster's attendance rule.
	Rule AttendanceRule
}

// Practice is the data unit, identified by its ydernummer. A practice can
// have several doctors.
type Practice struct {
	Ydernummer string
	Name       string
	Members    []Member
}

// Role is a member's role in the cluster.
type Role string

// The roles a member may have.
const (
	RoleMember      Role = "member"
	RoleCoordinator Role = "coordinator"
)

// Member is a doctor in the cluster, belonging to one practice.
type Member struct {
	ID         int64
	Ydernummer string
	Name       string
	Email      string
	Role       Role
	// Joined is when the member joined the cluster; meetings before it do
	// not count in the attendance history. Zero means "always".
	Joined time.Time
	// Retired is set when the member left the cluster; their history stays.
	Retired *time.Time
}

// Guest is someone at a meeting who is not a member: a speaker, a
// pharmacist consultant, practice staff.
type Guest struct {
	Name string
	Role string
}

// DoctorCount is the number of members over all practices.
func (c Cluster) DoctorCount() int {
	n := 0
	for _, p := range c.Practices {
		n += len(p.Members)
	}
	return n
}
