package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// CreateCluster stores a cluster with its practices and members in one
// transaction and returns it with ids set. Each member's Ydernummer is set
// to its practice's, and an empty Role becomes meeting.RoleMember. A zero
// Rule becomes meeting.DefaultAttendanceRule(); a member's Joined and
// Retired are stored as given (a zero Joined means "always").
func (s *Store) CreateCluster(ctx context.Context, c meeting.Cluster) (meeting.Cluster, error) {
	c, err := checkCluster(c)
	if err != nil {
		return meeting.Cluster{}, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Cluster{}, translate(err, phrase("store.DoSaveCluster"))
	}
	defer tx.Rollback()
	if err := createCluster(ctx, tx, &c); err != nil {
		return meeting.Cluster{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Cluster{}, translate(err, phrase("store.DoSaveCluster"))
	}
	return c, nil
}

// Cluster returns the cluster with its practices, ordered by ydernummer,
// and their members in the order they were stored. A missing cluster is an
// ENOTFOUND *meeting.Error.
func (s *Store) Cluster(ctx context.Context, id int64) (meeting.Cluster, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return meeting.Cluster{}, translate(err, phrase("store.DoReadCluster"))
	}
	defer tx.Rollback()
	c, err := findCluster(ctx, tx, id)
	if err != nil {
		return meeting.Cluster{}, err
	}
	if err := tx.Commit(); err != nil {
		return meeting.Cluster{}, translate(err, phrase("store.DoReadCluster"))
	}
	return c, nil
}

// Clusters returns every cluster in the order they were created, with ID
// and Name only: Practices is nil.
func (s *Store) Clusters(ctx context.Context) ([]meeting.Cluster, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err, phrase("store.DoListClusters"))
	}
	defer tx.Rollback()
	cs, err := findClusters(ctx, tx)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, translate(err, phrase("store.DoListClusters"))
	}
	return cs, nil
}

// checkCluster checks c for what the schema would refuse, with messages that
// name the practice or member, and returns a copy with member ydernumre and
// roles filled in. The caller's slices are not changed.
func checkCluster(c meeting.Cluster) (meeting.Cluster, error) {
	if strings.TrimSpace(c.Name) == "" {
		return c, meeting.Errork(meeting.EINVALID, "store.ClusterNeedsName")
	}
	if c.Rule == (meeting.AttendanceRule{}) {
		c.Rule = meeting.DefaultAttendanceRule()
	}
	if err := c.Rule.Validate(); err != nil {
		return c, err
	}
	seen := make(map[string]bool, len(c.Practices))
	practices := make([]meeting.Practice, len(c.Practices))
	for i, p := range c.Practices {
		switch {
		case strings.TrimSpace(p.Ydernummer) == "":
			return c, meeting.Errork(meeting.EINVALID, "store.PracticeNeedsYdernummer", i+1, p.Name)
		case seen[p.Ydernummer]:
			return c, meeting.Errork(meeting.EINVALID, "store.YdernummerTwice", p.Ydernummer, c.Name)
		}
		seen[p.Ydernummer] = true
		if p.Members != nil {
			members := make([]meeting.Member, len(p.Members))
			for j, m := range p.Members {
				switch {
				case strings.TrimSpace(m.Name) == "":
					return c, meeting.Errork(meeting.EINVALID, "store.MemberNeedsName", j+1, p.Ydernummer)
				case m.Ydernummer != "" && m.Ydernummer != p.Ydernummer:
					return c, meeting.Errork(meeting.EINVALID, "store.MemberWrongPractice", m.Name, p.Ydernummer, m.Ydernummer)
				case m.Role == "":
					m.Role = meeting.RoleMember
				case m.Role != meeting.RoleMember && m.Role != meeting.RoleCoordinator:
					return c, meeting.Errork(meeting.EINVALID, "store.MemberRole",
						m.Name, m.Role, meeting.RoleMember, meeting.RoleCoordinator)
				}
				m.Ydernummer = p.Ydernummer
				members[j] = m
			}
			p.Members = members
		}
		practices[i] = p
	}
	if c.Practices != nil {
		c.Practices = practices
	}
	return c, nil
}

// createCluster inserts c, already checked, and sets its ids.
func createCluster(ctx context.Context, tx *sql.Tx, c *meeting.Cluster) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO clusters (name, max_missed, months_away) VALUES (?, ?, ?)`,
		c.Name, c.Rule.MaxMissed, c.Rule.MonthsAway)
	if err != nil {
		return translate(err, phrase("store.DoSaveClusterNamed", c.Name))
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return translate(err, phrase("store.DoSaveClusterNamed", c.Name))
	}
	for i := range c.Practices {
		if err := createPractice(ctx, tx, c.ID, &c.Practices[i]); err != nil {
			return err
		}
	}
	return nil
}

// createPractice inserts p into cluster clusterID with its members and sets
// the members' ids.
func createPractice(ctx context.Context, tx *sql.Tx, clusterID int64, p *meeting.Practice) error {
	what := phrase("store.DoSavePractice", p.Ydernummer)
	res, err := tx.ExecContext(ctx,
		`INSERT INTO practices (cluster_id, ydernummer, name) VALUES (?, ?, ?)`,
		clusterID, p.Ydernummer, p.Name)
	if err != nil {
		return translate(err, what)
	}
	practiceID, err := res.LastInsertId()
	if err != nil {
		return translate(err, what)
	}
	for i := range p.Members {
		if err := insertMember(ctx, tx, practiceID, &p.Members[i]); err != nil {
			return err
		}
	}
	return nil
}

// insertMember inserts m, already checked, into practice practiceID and
// sets its id.
func insertMember(ctx context.Context, tx *sql.Tx, practiceID int64, m *meeting.Member) error {
	retired, err := encodeTimePtr(m.Retired, phrase("store.TimeRetiredOf", m.Name))
	if err != nil {
		return err
	}
	joined, err := encodeJoined(m.Joined, m.Name)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO members (practice_id, name, email, role, joined_at, retired_at) VALUES (?, ?, ?, ?, ?, ?)`,
		practiceID, m.Name, m.Email, string(m.Role), joined, retired)
	if err != nil {
		return translate(err, phrase("store.DoSaveMemberNamed", m.Name))
	}
	if m.ID, err = res.LastInsertId(); err != nil {
		return translate(err, phrase("store.DoSaveMemberNamed", m.Name))
	}
	return nil
}

// encodeJoined stores a joining date: zero ("always") is NULL.
func encodeJoined(t time.Time, name string) (sql.NullString, error) {
	if t.IsZero() {
		return sql.NullString{}, nil
	}
	return encodeTimePtr(&t, phrase("store.TimeJoinedOf", name))
}

// findCluster reads cluster id with its practices and members.
func findCluster(ctx context.Context, tx *sql.Tx, id int64) (meeting.Cluster, error) {
	c := meeting.Cluster{ID: id}
	err := tx.QueryRowContext(ctx, `SELECT name, max_missed, months_away FROM clusters WHERE id = ?`, id).
		Scan(&c.Name, &c.Rule.MaxMissed, &c.Rule.MonthsAway)
	if errors.Is(err, sql.ErrNoRows) {
		return c, meeting.Errork(meeting.ENOTFOUND, "store.NoCluster", meeting.Ref(id))
	} else if err != nil {
		return c, translate(err, phrase("store.DoReadCluster"))
	}

	rows, err := tx.QueryContext(ctx,
		`SELECT id, ydernummer, name FROM practices WHERE cluster_id = ? ORDER BY ydernummer, id`, id)
	if err != nil {
		return c, translate(err, phrase("store.DoReadClusterPractices"))
	}
	defer rows.Close()
	index := map[int64]int{} // practice id → index in c.Practices
	// Scanned into once for all rows, as memberScanner.
	var (
		pid      int64
		yd, name string
	)
	for rows.Next() {
		if err := rows.Scan(&pid, &yd, &name); err != nil {
			return c, translate(err, phrase("store.DoReadClusterPractices"))
		}
		index[pid] = len(c.Practices)
		c.Practices = append(c.Practices, meeting.Practice{Ydernummer: yd, Name: name})
	}
	if err := rows.Err(); err != nil {
		return c, translate(err, phrase("store.DoReadClusterPractices"))
	}

	members, err := tx.QueryContext(ctx, `
		SELECT `+memberColumns+`
		FROM members m JOIN practices p ON p.id = m.practice_id
		WHERE p.cluster_id = ?
		ORDER BY m.id`, id)
	if err != nil {
		return c, translate(err, phrase("store.DoReadClusterMembers"))
	}
	defer members.Close()
	var sc memberScanner
	for members.Next() {
		m, pid, err := sc.scan(members)
		if err != nil {
			return c, err
		}
		p := &c.Practices[index[pid]]
		p.Members = append(p.Members, m)
	}
	if err := members.Err(); err != nil {
		return c, translate(err, phrase("store.DoReadClusterMembers"))
	}
	return c, nil
}

// memberColumns are the columns scanMember reads, from members m joined
// with practices p.
const memberColumns = `m.id, m.practice_id, p.ydernummer, m.name, m.email, m.role, m.joined_at, m.retired_at`

// scanMember reads one row of memberColumns and returns the member with
// its practice's id. sql.ErrNoRows passes through untranslated.
func scanMember(row rowScanner) (meeting.Member, int64, error) {
	var sc memberScanner
	return sc.scan(row)
}

// memberScanner reads rows of memberColumns into fields made once for all
// rows: what Scan is given escapes to the heap, and a variable per row
// and column was most of the allocations of reading a cluster, which the
// first frame does.
type memberScanner struct {
	id, pid               int64
	yd, name, email, role string
	joined, retired       sql.NullString
	dest                  []any
}

// scan reads one row of memberColumns (and whatever more columns row's
// Scan adds) and returns the member with its practice's id.
func (sc *memberScanner) scan(row rowScanner) (meeting.Member, int64, error) {
	if sc.dest == nil {
		sc.dest = []any{&sc.id, &sc.pid, &sc.yd, &sc.name, &sc.email, &sc.role, &sc.joined, &sc.retired}
	}
	if err := row.Scan(sc.dest...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return meeting.Member{}, 0, err
		}
		return meeting.Member{}, 0, translate(err, phrase("store.DoReadClusterMembers"))
	}
	m := meeting.Member{ID: sc.id, Ydernummer: sc.yd, Name: sc.name, Email: sc.email, Role: meeting.Role(sc.role)}
	if sc.joined.Valid {
		j, err := decodeTime(sc.joined.String)
		if err != nil {
			return m, 0, err
		}
		m.Joined = j
	}
	var err error
	if m.Retired, err = decodeTimePtr(sc.retired); err != nil {
		return m, 0, err
	}
	return m, sc.pid, nil
}

// findClusters reads every cluster's id and name.
func findClusters(ctx context.Context, tx *sql.Tx) ([]meeting.Cluster, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM clusters ORDER BY id`)
	if err != nil {
		return nil, translate(err, phrase("store.DoListClusters"))
	}
	defer rows.Close()
	var cs []meeting.Cluster
	for rows.Next() {
		var c meeting.Cluster
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			return nil, translate(err, phrase("store.DoListClusters"))
		}
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, phrase("store.DoListClusters"))
	}
	return cs, nil
}
