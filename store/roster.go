package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// Members are never deleted: a member who leaves is retired and keeps
// their attendance history. Among a cluster's active (not retired)
// members, an e-mail address is used at most once, and a practice has at
// most one member of each name (ignoring case); the methods below refuse
// anything else.

// RosterImportResult says what ImportRoster changed.
type RosterImportResult struct {
	// NewPractices are the practices the file added, without members.
	NewPractices []meeting.Practice
	// RenamedPractices are the existing practices whose name changed.
	RenamedPractices []PracticeRename
	// Added are the new members, with their ids.
	Added []meeting.Member
	// Updated are the existing members whose name, e-mail, role or
	// practice changed.
	Updated []MemberUpdate
	// Unchanged counts the members the file lists as they were.
	Unchanged int
	// NotInFile are the cluster's active members the file does not list.
	// They stay as they are: retire them with RetireMember.
	NotInFile []meeting.Member
}

// PracticeRename is a practice whose name an import changed.
type PracticeRename struct {
	Ydernummer string
	From, To   string
}

// MemberUpdate is a member before and after an import changed them.
type MemberUpdate struct {
	Before, After meeting.Member
}

// ImportRoster brings cluster clusterID's roster up to date with
// practices (as pack.ReadRosterFile reads them), in one transaction:
// nothing is stored unless all of it can be.
//
//   - A practice not in the cluster is added; it needs a name. An existing
//     practice takes the file's name when one is given.
//   - A member is matched to an active member of the cluster by e-mail
//     (ignoring case), or else by practice and name (ignoring case), and
//     takes the file's name, practice, e-mail (when given) and role (when
//     given: Role "" keeps the stored one). Retired members are never
//     matched: someone who comes back is added anew, and their old record
//     keeps its history.
//   - Any other member is added, joining at at, with Role "" meaning
//     meeting.RoleMember.
//   - Active members the file does not list are not changed; they are
//     returned as NotInFile.
//
// Practices must be given once each, members once each (by practice and
// name) and each e-mail once; any problem is an EINVALID *meeting.Error
// naming the practice or member, and nothing is stored.
func (s *Store) ImportRoster(ctx context.Context, clusterID int64, practices []meeting.Practice, at time.Time) (RosterImportResult, error) {
	if at.IsZero() {
		return RosterImportResult{}, meeting.Errork(meeting.EINVALID, "store.ImportNoTime")
	}
	practices, err := checkRoster(practices)
	if err != nil {
		return RosterImportResult{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return RosterImportResult{}, translate(err, phrase("store.DoImportRoster"))
	}
	defer tx.Rollback()
	c, err := findCluster(ctx, tx, clusterID)
	if err != nil {
		return RosterImportResult{}, err
	}
	res, err := importRoster(ctx, tx, c, practices, at)
	if err != nil {
		return RosterImportResult{}, err
	}
	after, err := findCluster(ctx, tx, clusterID)
	if err != nil {
		return RosterImportResult{}, err
	}
	if err := checkActiveMembers(after); err != nil {
		return RosterImportResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return RosterImportResult{}, translate(err, phrase("store.DoImportRoster"))
	}
	return res, nil
}

// AddMember adds m as an active member of the practice with the given
// ydernummer in cluster clusterID and returns them with their id. A
// practice not yet in the cluster is created, and then practiceName is
// required; for an existing practice practiceName may be empty, and
// otherwise must be the practice's name (ignoring case), which catches a
// mistyped ydernummer. m's name is required; an empty Role is
// meeting.RoleMember; m.Joined is stored as given (zero: always); m.ID and
// m.Retired must be unset. A name already active in the practice, or an
// e-mail already used by an active member of the cluster, is ECONFLICT.
func (s *Store) AddMember(ctx context.Context, clusterID int64, ydernummer string, m meeting.Member, practiceName string) (meeting.Member, error) {
	ydernummer, practiceName = strings.TrimSpace(ydernummer), strings.TrimSpace(practiceName)
	m, err := checkMember(m)
	if err != nil {
		return meeting.Member{}, err
	}
	switch {
	case ydernummer == "":
		return meeting.Member{}, meeting.Errork(meeting.EINVALID, "store.MemberNeedsPractice", m.Name)
	case m.Ydernummer != "" && m.Ydernummer != ydernummer:
		return meeting.Member{}, meeting.Errork(meeting.EINVALID, "store.MemberAddedWrongPractice", m.Name, m.Ydernummer, ydernummer)
	case m.Retired != nil:
		return meeting.Member{}, meeting.Errork(meeting.EINVALID, "store.NewMemberRetired", m.Name)
	case m.ID != 0:
		return meeting.Member{}, meeting.Errork(meeting.EINVALID, "store.MemberHasID", m.Name, meeting.Ref(m.ID))
	}
	if m.Role == "" {
		m.Role = meeting.RoleMember
	}
	m.Ydernummer = ydernummer
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Member{}, translate(err, phrase("store.DoAddMember"))
	}
	defer tx.Rollback()
	c, err := findCluster(ctx, tx, clusterID)
	if err != nil {
		return meeting.Member{}, err
	}
	p, ok := practiceOf(c, ydernummer)
	switch {
	case !ok && practiceName == "":
		return meeting.Member{}, meeting.Errork(meeting.EINVALID, "store.PracticeNotInClusterName", ydernummer, c.Name)
	case ok && practiceName != "" && !strings.EqualFold(p.Name, practiceName):
		return meeting.Member{}, meeting.Errork(meeting.EINVALID, "store.PracticeOtherName", ydernummer, p.Name, practiceName)
	case !ok:
		p = &meeting.Practice{Ydernummer: ydernummer, Name: practiceName}
		if err := createPractice(ctx, tx, clusterID, p); err != nil {
			return meeting.Member{}, err
		}
	}
	if err := checkClash(c, m); err != nil {
		return meeting.Member{}, err
	}
	pid, err := practiceID(ctx, tx, clusterID, ydernummer)
	if err != nil {
		return meeting.Member{}, err
	}
	if err := insertMember(ctx, tx, pid, &m); err != nil {
		return meeting.Member{}, err
	}
	got, _, err := findMember(ctx, tx, m.ID)
	if err != nil {
		return meeting.Member{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Member{}, translate(err, phrase("store.DoAddMember"))
	}
	return got, nil
}

// UpdateMember changes member m.ID's name, e-mail and role (an empty Role
// keeps the stored one) and, when m.Ydernummer names another practice of
// the same cluster, moves them there; their history stays. Joined and
// Retired are not changed (see RetireMember). It returns the member as
// stored. A missing member is ENOTFOUND; a clash with another active
// member as for AddMember is ECONFLICT.
func (s *Store) UpdateMember(ctx context.Context, m meeting.Member) (meeting.Member, error) {
	m, err := checkMember(m)
	if err != nil {
		return meeting.Member{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Member{}, translate(err, phrase("store.DoUpdateMember"))
	}
	defer tx.Rollback()
	old, clusterID, err := findMember(ctx, tx, m.ID)
	if err != nil {
		return meeting.Member{}, err
	}
	c, err := findCluster(ctx, tx, clusterID)
	if err != nil {
		return meeting.Member{}, err
	}
	if m.Ydernummer == "" {
		m.Ydernummer = old.Ydernummer
	}
	if _, ok := practiceOf(c, m.Ydernummer); !ok {
		return meeting.Member{}, meeting.Errork(meeting.EINVALID, "store.PracticeNotInClusterAdd", m.Ydernummer, c.Name)
	}
	if m.Role == "" {
		m.Role = old.Role
	}
	m.Joined, m.Retired = old.Joined, old.Retired
	if m.Retired == nil {
		if err := checkClash(c, m); err != nil {
			return meeting.Member{}, err
		}
	}
	if err := updateMember(ctx, tx, clusterID, m); err != nil {
		return meeting.Member{}, err
	}
	got, _, err := findMember(ctx, tx, m.ID)
	if err != nil {
		return meeting.Member{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Member{}, translate(err, phrase("store.DoUpdateMember"))
	}
	return got, nil
}

// RetireMember records that member memberID left the cluster at at and
// returns them. Their attendance history stays; meetings after their
// retirement do not count for them, and they cannot be checked in there.
// Retiring a retired member keeps the first date. A missing member is
// ENOTFOUND.
func (s *Store) RetireMember(ctx context.Context, memberID int64, at time.Time) (meeting.Member, error) {
	if at.IsZero() {
		return meeting.Member{}, meeting.Errork(meeting.EINVALID, "store.RetireNoDate")
	}
	retired, err := encodeTime(at, phrase("store.TimeRetired"))
	if err != nil {
		return meeting.Member{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Member{}, translate(err, phrase("store.DoRetireMember"))
	}
	defer tx.Rollback()
	m, _, err := findMember(ctx, tx, memberID)
	if err != nil {
		return meeting.Member{}, err
	}
	if m.Retired == nil {
		if _, err := tx.ExecContext(ctx, `UPDATE members SET retired_at = ? WHERE id = ?`, retired, memberID); err != nil {
			return meeting.Member{}, translate(err, phrase("store.DoRetireNamed", m.Name))
		}
		if m, _, err = findMember(ctx, tx, memberID); err != nil {
			return meeting.Member{}, err
		}
	}
	if err := tx.Commit(); err != nil {
		return meeting.Member{}, translate(err, phrase("store.DoRetireMember"))
	}
	return m, nil
}

// Member returns member id, active or retired. A missing member is
// ENOTFOUND.
func (s *Store) Member(ctx context.Context, id int64) (meeting.Member, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Member{}, translate(err, phrase("store.DoReadMember"))
	}
	defer tx.Rollback()
	m, _, err := findMember(ctx, tx, id)
	if err != nil {
		return meeting.Member{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Member{}, translate(err, phrase("store.DoReadMember"))
	}
	return m, nil
}

// SetAttendanceRule stores cluster clusterID's attendance rule. A missing
// cluster is ENOTFOUND; a negative number EINVALID.
func (s *Store) SetAttendanceRule(ctx context.Context, clusterID int64, r meeting.AttendanceRule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return translate(err, phrase("store.DoSetAttendanceRule"))
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE clusters SET max_missed = ?, months_away = ? WHERE id = ?`,
		r.MaxMissed, r.MonthsAway, clusterID)
	if err != nil {
		return translate(err, phrase("store.DoSetAttendanceRule"))
	}
	if n, err := res.RowsAffected(); err != nil {
		return translate(err, phrase("store.DoSetAttendanceRule"))
	} else if n == 0 {
		return meeting.Errork(meeting.ENOTFOUND, "store.NoCluster", meeting.Ref(clusterID))
	}
	return translate(tx.Commit(), phrase("store.DoSetAttendanceRule"))
}

// findMember reads member id with the id of their cluster.
func findMember(ctx context.Context, tx *sql.Tx, id int64) (meeting.Member, int64, error) {
	row := tx.QueryRowContext(ctx, `
		SELECT `+memberColumns+`, p.cluster_id
		FROM members m JOIN practices p ON p.id = m.practice_id
		WHERE m.id = ?`, id)
	var clusterID int64
	m, _, err := scanMember(scanExtra{row, &clusterID})
	if errors.Is(err, sql.ErrNoRows) {
		return m, 0, meeting.Errork(meeting.ENOTFOUND, "store.NoMember", meeting.Ref(id))
	}
	return m, clusterID, err
}

// scanExtra scans a row of memberColumns followed by more columns.
type scanExtra struct {
	row  rowScanner
	more *int64
}

func (s scanExtra) Scan(dest ...any) error { return s.row.Scan(append(dest, s.more)...) }

// checkMember trims a member's fields and checks what can be checked
// without the database.
func checkMember(m meeting.Member) (meeting.Member, error) {
	m.Name, m.Email, m.Ydernummer = strings.TrimSpace(m.Name), strings.TrimSpace(m.Email), strings.TrimSpace(m.Ydernummer)
	switch {
	case m.Name == "":
		return m, meeting.Errork(meeting.EINVALID, "store.MemberNoName")
	case m.Role != "" && m.Role != meeting.RoleMember && m.Role != meeting.RoleCoordinator:
		return m, meeting.Errork(meeting.EINVALID, "store.RoleUnknown", m.Name, m.Role, meeting.RoleMember, meeting.RoleCoordinator)
	}
	return m, nil
}

// checkClash refuses m, to be active in cluster c, when another active
// member of c has the same e-mail, or the same name in the same practice.
func checkClash(c meeting.Cluster, m meeting.Member) error {
	for _, p := range c.Practices {
		for _, o := range p.Members {
			switch {
			case o.ID == m.ID || o.Retired != nil:
			case m.Email != "" && strings.EqualFold(o.Email, m.Email):
				return meeting.Errork(meeting.ECONFLICT, "store.EmailUsed", m.Email, o.Name, meeting.Ref(o.ID))
			case p.Ydernummer == m.Ydernummer && strings.EqualFold(o.Name, m.Name):
				return meeting.Errork(meeting.ECONFLICT, "store.AlreadyMember", o.Name, p.Ydernummer, meeting.Ref(o.ID))
			}
		}
	}
	return nil
}

// checkActiveMembers refuses a cluster where two active members share an
// e-mail, or a name within a practice, as an import could leave it.
func checkActiveMembers(c meeting.Cluster) error {
	// One pass with maps, not checkClash per member, which would compare
	// every pair: a roster of thousands of rows took seconds.
	byEmail := map[string]meeting.Member{}
	byName := map[string]meeting.Member{}
	for _, p := range c.Practices {
		for _, m := range p.Members {
			if m.Retired != nil {
				continue
			}
			var err error
			if m.Email != "" {
				if o, dup := byEmail[strings.ToLower(m.Email)]; dup {
					err = meeting.Errork(meeting.ECONFLICT, "store.EmailUsed", m.Email, o.Name, meeting.Ref(o.ID))
				} else {
					byEmail[strings.ToLower(m.Email)] = m
				}
			}
			key := p.Ydernummer + "\x00" + strings.ToLower(m.Name)
			if o, dup := byName[key]; dup && err == nil {
				err = meeting.Errork(meeting.ECONFLICT, "store.AlreadyMember", o.Name, p.Ydernummer, meeting.Ref(o.ID))
			} else if !dup {
				byName[key] = m
			}
			if err != nil {
				return meeting.Errork(meeting.EINVALID, "err.ImportClash", m.Name, meeting.Ref(m.ID), err)
			}
		}
	}
	return nil
}

// updateMember writes m's name, e-mail, role and practice.
func updateMember(ctx context.Context, tx *sql.Tx, clusterID int64, m meeting.Member) error {
	pid, err := practiceID(ctx, tx, clusterID, m.Ydernummer)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE members SET name = ?, email = ?, role = ?, practice_id = ? WHERE id = ?`,
		m.Name, m.Email, string(m.Role), pid, m.ID)
	return translate(err, phrase("store.DoUpdateMemberNamed", m.Name))
}

// practiceID is the id of the practice with ydernummer yd in the cluster.
func practiceID(ctx context.Context, tx *sql.Tx, clusterID int64, yd string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM practices WHERE cluster_id = ? AND ydernummer = ?`, clusterID, yd).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, meeting.Errork(meeting.EINVALID, "store.PracticeNotInClusterID", yd, meeting.Ref(clusterID))
	}
	return id, translate(err, phrase("store.DoReadPractice", yd))
}

// practiceOf finds the practice with ydernummer yd in c.
func practiceOf(c meeting.Cluster, yd string) (*meeting.Practice, bool) {
	for i := range c.Practices {
		if c.Practices[i].Ydernummer == yd {
			return &c.Practices[i], true
		}
	}
	return nil, false
}

// checkRoster checks an imported roster for what would make it ambiguous
// and returns a trimmed copy with each member's Ydernummer set.
func checkRoster(practices []meeting.Practice) ([]meeting.Practice, error) {
	if len(practices) == 0 {
		return nil, meeting.Errork(meeting.EINVALID, "store.RosterEmpty")
	}
	out := make([]meeting.Practice, len(practices))
	seenPractice := map[string]bool{}
	seenEmail := map[string]string{} // e-mail -> member
	for i, p := range practices {
		p.Ydernummer, p.Name = strings.TrimSpace(p.Ydernummer), strings.TrimSpace(p.Name)
		switch {
		case p.Ydernummer == "":
			return nil, meeting.Errork(meeting.EINVALID, "store.PracticeNeedsYdernummer", i+1, p.Name)
		case seenPractice[p.Ydernummer]:
			return nil, meeting.Errork(meeting.EINVALID, "store.RosterPracticeTwice", p.Ydernummer)
		}
		seenPractice[p.Ydernummer] = true
		seenName := map[string]bool{}
		members := make([]meeting.Member, len(p.Members))
		for j, m := range p.Members {
			m, err := checkMember(m)
			if err != nil {
				return nil, meeting.Errork(meeting.EINVALID, "err.InMember", j+1, p.Ydernummer, err)
			}
			switch {
			case m.Ydernummer != "" && m.Ydernummer != p.Ydernummer:
				return nil, meeting.Errork(meeting.EINVALID, "store.RosterWrongPractice", m.Name, p.Ydernummer, m.Ydernummer)
			case seenName[strings.ToLower(m.Name)]:
				return nil, meeting.Errork(meeting.EINVALID, "store.RosterDoctorTwice", m.Name, p.Ydernummer)
			case m.Email != "" && seenEmail[strings.ToLower(m.Email)] != "":
				return nil, meeting.Errork(meeting.EINVALID, "store.RosterEmailTwice",
					m.Email, seenEmail[strings.ToLower(m.Email)], m.Name)
			}
			seenName[strings.ToLower(m.Name)] = true
			if m.Email != "" {
				seenEmail[strings.ToLower(m.Email)] = m.Name
			}
			m.Ydernummer = p.Ydernummer
			members[j] = m
		}
		p.Members = members
		out[i] = p
	}
	return out, nil
}

// importRoster applies a checked roster to cluster c; see ImportRoster.
func importRoster(ctx context.Context, tx *sql.Tx, c meeting.Cluster, practices []meeting.Practice, at time.Time) (RosterImportResult, error) {
	var res RosterImportResult
	storedPractices := make(map[string]*meeting.Practice, len(c.Practices))
	for i := range c.Practices {
		storedPractices[c.Practices[i].Ydernummer] = &c.Practices[i]
	}
	for _, p := range practices {
		stored, ok := storedPractices[p.Ydernummer]
		switch {
		case !ok && p.Name == "":
			return res, meeting.Errork(meeting.EINVALID, "store.RosterPracticeNoName", p.Ydernummer, c.Name)
		case !ok:
			np := meeting.Practice{Ydernummer: p.Ydernummer, Name: p.Name}
			if err := createPractice(ctx, tx, c.ID, &np); err != nil {
				return res, err
			}
			res.NewPractices = append(res.NewPractices, np)
		case p.Name != "" && p.Name != stored.Name:
			if _, err := tx.ExecContext(ctx, `UPDATE practices SET name = ? WHERE cluster_id = ? AND ydernummer = ?`,
				p.Name, c.ID, p.Ydernummer); err != nil {
				return res, translate(err, phrase("store.DoRenamePractice", p.Ydernummer))
			}
			res.RenamedPractices = append(res.RenamedPractices, PracticeRename{Ydernummer: p.Ydernummer, From: stored.Name, To: p.Name})
		}
	}

	// Match the file's members to the active ones: by e-mail first, for
	// every row, then by practice and name among those left.
	var active []meeting.Member
	for _, p := range c.Practices {
		for _, m := range p.Members {
			if m.Retired == nil {
				active = append(active, m)
			}
		}
	}
	// Each file member takes the first unclaimed active member with its
	// e-mail, then with its practice and name; the candidates are looked
	// up in maps, so an import is linear in its rows.
	claimed := map[int64]bool{}
	match := map[[2]int]meeting.Member{} // [practice, member] index in practices -> stored member
	byEmail := map[string][]meeting.Member{}
	byName := map[string][]meeting.Member{}
	for _, o := range active {
		if o.Email != "" {
			byEmail[strings.ToLower(o.Email)] = append(byEmail[strings.ToLower(o.Email)], o)
		}
		k := o.Ydernummer + "\x00" + strings.ToLower(o.Name)
		byName[k] = append(byName[k], o)
	}
	take := func(cands []meeting.Member, ok func(meeting.Member) bool) (meeting.Member, bool) {
		for _, o := range cands {
			if !claimed[o.ID] && ok(o) {
				claimed[o.ID] = true
				return o, true
			}
		}
		return meeting.Member{}, false
	}
	for i, p := range practices {
		for j, m := range p.Members {
			if m.Email == "" {
				continue
			}
			if o, ok := take(byEmail[strings.ToLower(m.Email)], func(o meeting.Member) bool { return strings.EqualFold(o.Email, m.Email) }); ok {
				match[[2]int{i, j}] = o
			}
		}
	}
	for i, p := range practices {
		for j, m := range p.Members {
			if _, ok := match[[2]int{i, j}]; ok {
				continue
			}
			if o, ok := take(byName[p.Ydernummer+"\x00"+strings.ToLower(m.Name)], func(o meeting.Member) bool {
				return o.Ydernummer == p.Ydernummer && strings.EqualFold(o.Name, m.Name)
			}); ok {
				match[[2]int{i, j}] = o
			}
		}
	}

	pids := map[string]int64{} // ydernummer -> practice id, read once each
	for i, p := range practices {
		for j, m := range p.Members {
			old, ok := match[[2]int{i, j}]
			if !ok {
				if m.Role == "" {
					m.Role = meeting.RoleMember
				}
				m.Joined, m.Retired = at, nil
				pid, ok := pids[p.Ydernummer]
				if !ok {
					var err error
					if pid, err = practiceID(ctx, tx, c.ID, p.Ydernummer); err != nil {
						return res, err
					}
					pids[p.Ydernummer] = pid
				}
				if err := insertMember(ctx, tx, pid, &m); err != nil {
					return res, err
				}
				res.Added = append(res.Added, m)
				continue
			}
			now := old
			now.Name, now.Ydernummer = m.Name, p.Ydernummer
			if m.Email != "" {
				now.Email = m.Email
			}
			if m.Role != "" {
				now.Role = m.Role
			}
			if now.Name == old.Name && now.Email == old.Email && now.Role == old.Role && now.Ydernummer == old.Ydernummer {
				res.Unchanged++
				continue
			}
			if err := updateMember(ctx, tx, c.ID, now); err != nil {
				return res, err
			}
			res.Updated = append(res.Updated, MemberUpdate{Before: old, After: now})
		}
	}
	for _, o := range active {
		if !claimed[o.ID] {
			res.NotInFile = append(res.NotInFile, o)
		}
	}
	return res, nil
}
