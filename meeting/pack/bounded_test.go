package pack_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/klynge/klynge/meeting/pack"
)

func TestFiveDigitYdernummerGetsItsZeroBack(t *testing.T) {
	roster := "ydernummer;praksis;læge;email;rolle\n" +
		"47318;Lægerne Østergade;Søren;s@o.dk;\n" +
		"047318;Lægerne Østergade;Åse;a@o.dk;\n" +
		"112905;Ved Åen;Jens;j@o.dk;\n" +
		"41033;Lægehuset;Bo;b@o.dk;\n"
	var n int
	ps, err := pack.ReadRoster(strings.NewReader(roster), "r.csv", pack.CountPadded(&n))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("padded %d, want 2", n)
	}
	var yds []string
	for _, p := range ps {
		yds = append(yds, fmt.Sprintf("%s:%d", p.Ydernummer, len(p.Members)))
	}
	if got := strings.Join(yds, " "); got != "047318:2 112905:1 041033:1" {
		t.Errorf("practices %s", got)
	}

	data := "ydernummer;indikator;tæller;nævner;periode\n27475;kol-prevalens;3;100;2024\n"
	n = 0
	rows, err := pack.ReadDataCSV(strings.NewReader(data), "d.csv", testIndicators(), []string{"027475"}, pack.CountPadded(&n))
	if err != nil || len(rows) != 1 || rows[0].Ydernummer != "027475" || n != 1 {
		t.Errorf("data: %v, %v, padded %d", rows, err, n)
	}
}

// badData is a data file of n rows, every one of them wrong twice.
func badData(n int) []byte {
	var b bytes.Buffer
	b.WriteString("ydernummer;indikator;tæller;nævner;periode\n")
	for i := range n {
		fmt.Fprintf(&b, "x%d;ukendt;-1;nul;2024\n", i)
	}
	return b.Bytes()
}

func TestProblemsAreCappedButCounted(t *testing.T) {
	_, err := pack.ReadData(bytes.NewReader(badData(5000)), "d.csv", testIndicators())
	var ps pack.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v", err)
	}
	if len(ps) > 201 {
		t.Errorf("%d problems kept, want at most 200 and a count", len(ps))
	}
	last := ps[len(ps)-1]
	if last.More == 0 || ps.Count() < 10000 {
		t.Errorf("last entry %+v, count %d: want the rest counted", last, ps.Count())
	}
	if !strings.Contains(last.String(), "more problems") {
		t.Errorf("last entry reads %q", last.String())
	}
}

func TestTooLargeFileIsRefusedEarly(t *testing.T) {
	big := append([]byte("ydernummer;indikator;tæller;nævner;periode\n"), bytes.Repeat([]byte("047318;kol-prevalens;1;2;2024\n"), pack.MaxFileSize/30+10)...)
	_, err := pack.ReadData(bytes.NewReader(big), "d.csv", testIndicators())
	var ps pack.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || !strings.Contains(ps[0].String(), "larger than 16 MB") {
		t.Errorf("err = %v", err)
	}
}

// BenchmarkReadRoster100k checks a roster of 100,000 rows (5.6 MB): the
// time and memory per row must not grow with the rows.
func BenchmarkReadRoster100k(b *testing.B) {
	var src bytes.Buffer
	src.WriteString("ydernummer;praksis;læge;email;rolle\n")
	for i := range 100_000 {
		fmt.Fprintf(&src, "%06d;Praksis %d;Læge %d;l%d@example.dk;medlem\n", 100000+i%5000, i%5000, i, i)
	}
	b.SetBytes(int64(src.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pack.ReadRoster(bytes.NewReader(src.Bytes()), "r.csv"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadBadData10MB reads a 10 MB data file in which every row is
// wrong: the problems kept stay at 200, so memory stays flat.
func BenchmarkReadBadData10MB(b *testing.B) {
	src := badData(400_000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pack.ReadData(bytes.NewReader(src), "d.csv", testIndicators()); err == nil {
			b.Fatal("no problems")
		}
	}
}
