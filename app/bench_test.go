package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"msprecords/crypto"
	"msprecords/demo"
	"msprecords/practice"
	"msprecords/store"
)

// benchCases is the size of the demo vault the speed goals are set for.
const benchCases = 10000

// benchVault is a vault of 10,000 demo cases, made once per test binary
// (importing them takes a while) and shared by the benchmarks.
var benchVault struct {
	once sync.Once
	root string // the temporary folder holding it
	dir  string
	key  crypto.MasterKey
	err  error
}

// TestMain removes the shared demo vault once every test and benchmark of
// the package has run.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchVault.root != "" {
		os.RemoveAll(benchVault.root)
	}
	os.Exit(code)
}

// demoVault returns the shared demo vault and its master key, so that the
// benchmarks can open the store without scrypt, which is slow on purpose
// and measured by the crypto package.
func demoVault(b *testing.B) (string, crypto.MasterKey) {
	b.Helper()
	benchVault.once.Do(func() {
		benchVault.root, benchVault.err = os.MkdirTemp("", "msprecords-bench-")
		if benchVault.err == nil {
			benchVault.dir = filepath.Join(benchVault.root, "vault")
			benchVault.key, benchVault.err = makeDemoVault(benchVault.dir)
		}
	})
	if benchVault.err != nil {
		b.Fatal(benchVault.err)
	}
	return benchVault.dir, benchVault.key
}

// makeDemoVault makes a vault in dir holding the demo cases, imported in
// one go (the command line's demo imports them 500 at a time).
func makeDemoVault(dir string) (crypto.MasterKey, error) {
	v, created, _, err := crypto.Create(dir, testUser, testPass, crypto.MinWorkFactor)
	key := created.Key
	if err != nil {
		return key, err
	}
	s, err := store.Create(v.DBDir(), key, testUser, practice.DefaultOptions())
	if err != nil {
		return key, err
	}
	defer s.Close()
	file, err := json.Marshal(map[string]any{
		"format": store.ExportFormat, "version": store.ExportVersion,
		"exported": time.Now().UTC(), "cases": demo.Cases(benchCases, 1),
	})
	if err != nil {
		return key, err
	}
	_, err = s.ImportJSON(bytes.NewReader(file))
	return key, err
}

// benchUI is a window on the demo vault, locked.
func benchUI(b *testing.B, dir string) *UI {
	b.Helper()
	a := test.NewTempApp(b)
	w := test.NewWindow(nil)
	w.Resize(defaultWindowSize)
	u := New(a, w, dir)
	u.work.queue = make(chan func(), 64) // results reach the widgets in u.work.wait()
	return u
}

// openSessionWithKey does what unlocking does after scrypt: take the vault
// lock and open the store.
func openSessionWithKey(b *testing.B, dir string, key crypto.MasterKey) *session {
	b.Helper()
	lock, err := crypto.Lock(dir)
	if err != nil {
		b.Fatal(err)
	}
	store, err := store.Open(filepath.Join(dir, "db"), key, testUser, practice.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	return &session{store: store, lock: lock, user: testUser}
}

// BenchmarkUnlockToCaseList measures unlocking to a usable case list,
// scrypt excepted: open the store (which builds the index), build the case
// list and show it. Goal: under 1 s.
func BenchmarkUnlockToCaseList(b *testing.B) {
	dir, key := demoVault(b)
	u := benchUI(b, dir)
	for b.Loop() {
		u.startSession(openSessionWithKey(b, dir, key))
		u.work.wait()
		if u.cases.list.Length() != benchCases {
			b.Fatalf("the list shows %d cases", u.cases.list.Length())
		}
		b.StopTimer()
		u.lockNow()
		b.StartTimer()
	}
}

// BenchmarkOpenCase measures opening a case from the list: Get (with its
// audit entry), the case view and showing it. Goal: under 100 ms.
func BenchmarkOpenCase(b *testing.B) {
	dir, key := demoVault(b)
	u := benchUI(b, dir)
	u.startSession(openSessionWithKey(b, dir, key))
	u.work.wait()
	defer u.lockNow()
	rows := u.cases.rows
	i := 0
	for b.Loop() {
		u.openCase(rows[i%len(rows)].ID)
		u.work.wait()
		if u.current == nil {
			b.Fatal("the case did not open")
		}
		b.StopTimer()
		u.showCaseList()
		u.work.wait()
		i += 997 // a different scenario and a cold document each time
		b.StartTimer()
	}
}

// BenchmarkSearchKeystroke measures one keystroke in the search box: the
// store's search and the list's refresh. Goal: under 50 ms.
func BenchmarkSearchKeystroke(b *testing.B) {
	dir, key := demoVault(b)
	u := benchUI(b, dir)
	u.startSession(openSessionWithKey(b, dir, key))
	u.work.wait()
	defer u.lockNow()
	typed := []string{"m", "ma", "mar", "marg", "marga", "margar", "margare", "margaret"}
	i := 0
	for b.Loop() {
		u.cases.onSearch(typed[i%len(typed)])
		u.work.wait()
		i++
	}
}
