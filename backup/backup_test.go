package backup

import (
	"archive/tar"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"msprecords/crypto"
	"msprecords/demo"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
)

// The tests seal slots and backups at the lowest work factor, to run fast.
const (
	testPass       = "a long enough test passphrase"
	testWorkFactor = crypto.MinWorkFactor
	testChunk      = 4 << 10
)

// vault is a real vault made for a test, with its database open and its
// lock held, holding the twelve demo cases.
type vault struct {
	dir   string
	store *store.Store
	cases []*records.Case
}

func newVault(t *testing.T) vault {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	v, created, _, err := crypto.Create(dir, "Alex", testPass, testWorkFactor)
	key := created.Key
	if err != nil {
		t.Fatal(err)
	}
	lock, err := crypto.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lock.Release() })
	s, err := store.Create(v.DBDir(), key, "Alex", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cases := demo.Cases(12, 1)
	if _, err := s.ImportJSON(bytes.NewReader(caseFile(t, cases))); err != nil {
		t.Fatal(err)
	}
	return vault{dir: dir, store: s, cases: cases}
}

// caseFile is the JSON import file of cases.
func caseFile(t *testing.T, cases []*records.Case) []byte {
	t.Helper()
	data, err := json.Marshal(struct {
		Format   string          `json:"format"`
		Version  int             `json:"version"`
		Exported time.Time       `json:"exported"`
		Cases    []*records.Case `json:"cases"`
	}{store.ExportFormat, store.ExportVersion, time.Now().UTC(), cases})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// backup writes a backup of v and returns it.
func (v vault) backup(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, v.dir, v.store, testPass, testWorkFactor, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withChunkSize lowers ChunkSize for one test.
func withChunkSize(t *testing.T, n int) {
	old := ChunkSize
	ChunkSize = n
	t.Cleanup(func() { ChunkSize = old })
}

func unlockWith(pass string) UnlockFunc {
	return func(v *crypto.Vault) (crypto.MasterKey, string, error) {
		u, err := v.Unlock("", pass)
		return u.Key, u.Label, err
	}
}

func restore(data []byte, dir string) (int, error) {
	return Restore(bytes.NewReader(data), dir, testPass, unlockWith(testPass))
}

// openRestored opens the vault restored in dir, as the app would.
func openRestored(t *testing.T, dir string) *store.Store {
	t.Helper()
	v, err := crypto.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	lock, err := crypto.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lock.Release() })
	u, err := v.Unlock("", testPass)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(v.DBDir(), u.Key, u.Label, practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sameCases checks that got holds exactly the cases of want, byte for byte.
func sameCases(t *testing.T, want, got *store.Store) {
	t.Helper()
	ws, gs := want.Summaries(), got.Summaries()
	if !reflect.DeepEqual(ws, gs) {
		t.Fatalf("restored summaries differ:\n got %+v\nwant %+v", gs, ws)
	}
	for _, s := range ws {
		if a, b := caseJSON(t, want, s.ID), caseJSON(t, got, s.ID); !bytes.Equal(a, b) {
			t.Errorf("case %s differs after restore:\n got %s\nwant %s", s.Reference, b, a)
		}
	}
}

func caseJSON(t *testing.T, s *store.Store, id string) []byte {
	t.Helper()
	c, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// entry is one file of a backup's archive.
type entry struct {
	name string
	data []byte
}

// open decrypts a backup and returns the files of its archive.
func open(t *testing.T, data []byte) []entry {
	t.Helper()
	plain, err := crypto.DecryptWithPassphrase(bytes.NewReader(data), testPass)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(plain)
	var out []entry
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, entry{h.Name, b})
	}
}

// seal makes a backup of the given files, in order, as Write would.
func seal(t *testing.T, entries []entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc, err := crypto.EncryptWithPassphrase(&buf, testPass, testWorkFactor)
	if err != nil {
		t.Fatal(err)
	}
	tw := tar.NewWriter(enc)
	for _, e := range entries {
		if err := addFile(tw, e.name, e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// split returns the vault's files and the database chunks of an archive.
func split(entries []entry) (files, chunks []entry) {
	for _, e := range entries {
		if strings.HasPrefix(e.name, chunkPrefix) {
			chunks = append(chunks, e)
		} else {
			files = append(files, e)
		}
	}
	return files, chunks
}

func TestRoundTrip(t *testing.T) {
	for _, size := range []int{ChunkSize, testChunk} {
		t.Run(fmt.Sprintf("chunks of %d bytes", size), func(t *testing.T) {
			withChunkSize(t, size)
			v := newVault(t)
			into := filepath.Join(t.TempDir(), "restored")
			n, err := restore(v.backup(t), into)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(v.cases) {
				t.Errorf("restored %d cases, want %d", n, len(v.cases))
			}
			sameCases(t, v.store, openRestored(t, into))
		})
	}
}

func TestRestoreIntoEmptyFolder(t *testing.T) {
	v := newVault(t)
	into := t.TempDir()
	if _, err := restore(v.backup(t), into); err != nil {
		t.Fatal(err)
	}
	sameCases(t, v.store, openRestored(t, into))
}

func TestChunks(t *testing.T) {
	withChunkSize(t, testChunk)
	v := newVault(t)
	files, chunks := split(open(t, v.backup(t)))
	if len(chunks) < 3 {
		t.Fatalf("the database took %d chunks of %d bytes; the test needs several", len(chunks), testChunk)
	}
	if len(files) < 3 || files[0].name != headerName {
		t.Fatalf("the archive starts with %d files; want vault.json, then a passphrase and a recovery slot", len(files))
	}
	for _, e := range files[1:] {
		if !strings.HasPrefix(e.name, slotsPrefix) {
			t.Errorf("unexpected entry %q before the database", e.name)
		}
	}
	for i, c := range chunks {
		if c.name != chunkName(i) {
			t.Errorf("chunk %d is named %q, want %q", i, c.name, chunkName(i))
		}
		if len(c.data) > testChunk || (i < len(chunks)-1 && len(c.data) != testChunk) {
			t.Errorf("chunk %d holds %d bytes; chunks are %d bytes, the last at most", i, len(c.data), testChunk)
		}
	}
}

// TestChunkStream writes streams of awkward lengths through the chunk
// writer and reads them back through the chunk reader.
func TestChunkStream(t *testing.T) {
	withChunkSize(t, 10)
	for _, size := range []int{0, 1, 9, 10, 11, 20, 25, 97} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			want := bytes.Repeat([]byte("abcdefg"), size)[:size]
			var buf bytes.Buffer
			tw := tar.NewWriter(&buf)
			cw := newChunkWriter(tw)
			for rest := want; len(rest) > 0; {
				k := min(len(rest), 3+len(rest)%7) // writes of uneven sizes
				if n, err := cw.Write(rest[:k]); n != k || err != nil {
					t.Fatalf("Write: %d, %v", n, err)
				}
				rest = rest[k:]
			}
			if err := cw.Close(); err != nil {
				t.Fatal(err)
			}
			if err := tw.Close(); err != nil {
				t.Fatal(err)
			}
			tr := tar.NewReader(&buf)
			h, err := tr.Next()
			if err != nil {
				t.Fatal(err)
			}
			cr, err := newChunkReader(tr, h.Name)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(cr)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("read back %q, %v; want %q", got, err, want)
			}
			if wantChunks := max(1, (size+9)/10); cr.next != wantChunks {
				t.Errorf("%d bytes took %d chunks, want %d", size, cr.next, wantChunks)
			}
		})
	}
}

// TestSingleEntryFormat restores a backup as first written, with the whole
// database in one db.backup entry.
func TestSingleEntryFormat(t *testing.T) {
	withChunkSize(t, testChunk)
	v := newVault(t)
	files, chunks := split(open(t, v.backup(t)))
	var db []byte
	for _, c := range chunks {
		db = append(db, c.data...)
	}
	old := seal(t, append(files, entry{legacyDB, db}))
	into := filepath.Join(t.TempDir(), "restored")
	if _, err := restore(old, into); err != nil {
		t.Fatal(err)
	}
	sameCases(t, v.store, openRestored(t, into))
}

func TestWrongPassphrase(t *testing.T) {
	v := newVault(t)
	into := filepath.Join(t.TempDir(), "restored")
	_, err := Restore(bytes.NewReader(v.backup(t)), into, "not the passphrase", unlockWith(testPass))
	if !errors.Is(err, ErrWrongPassphrase) || !errors.Is(err, crypto.ErrWrongPassphrase) {
		t.Errorf("restore with the wrong passphrase: %v; want ErrWrongPassphrase", err)
	}
	assertGone(t, into)
}

// TestUnlockFails checks that a failure to open the restored vault is the
// unlock's own error, not the backup's, and leaves nothing behind.
func TestUnlockFails(t *testing.T) {
	v := newVault(t)
	into := filepath.Join(t.TempDir(), "restored")
	_, err := Restore(bytes.NewReader(v.backup(t)), into, testPass, unlockWith("not the passphrase"))
	if !errors.Is(err, crypto.ErrWrongPassphrase) || errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("restore with a wrong passphrase for the vault: %v; want crypto.ErrWrongPassphrase alone", err)
	}
	assertGone(t, into)
}

func TestNonEmptyTarget(t *testing.T) {
	v := newVault(t)
	into := t.TempDir()
	notes := filepath.Join(into, "notes.txt")
	if err := os.WriteFile(notes, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := restore(v.backup(t), into); !errors.Is(err, crypto.ErrVaultExists) {
		t.Errorf("restore into a folder that is not empty: %v; want crypto.ErrVaultExists", err)
	}
	if got, err := os.ReadFile(notes); err != nil || string(got) != "keep me" {
		t.Errorf("the folder's file was changed: %q, %v", got, err)
	}
	if entries, _ := os.ReadDir(into); len(entries) != 1 {
		t.Errorf("the folder holds %d entries after a refused restore, want 1", len(entries))
	}
}

// TestDamagedFile restores backup files damaged in transit or storage.
func TestDamagedFile(t *testing.T) {
	v := newVault(t)
	good := v.backup(t)
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0x40
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not a backup", []byte("this is not a backup")},
		{"cut in the header", good[:40]},
		{"cut in half", good[:len(good)/2]},
		{"short by one byte", good[:len(good)-1]},
		{"a byte changed", flipped},
		{"data added at the end", append(bytes.Clone(good), "more"...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDamaged(t, tt.data)
		})
	}
}

// TestDamagedArchive restores backups whose encryption is sound but whose
// archive is not as Write makes it.
func TestDamagedArchive(t *testing.T) {
	withChunkSize(t, testChunk)
	v := newVault(t)
	files, chunks := split(open(t, v.backup(t)))
	if len(chunks) < 3 {
		t.Fatalf("the database took %d chunks; the test needs several", len(chunks))
	}
	join := func(parts ...[]entry) []entry {
		var out []entry
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	one := func(e entry) []entry { return []entry{e} }
	shortLast := entry{chunks[len(chunks)-1].name, chunks[len(chunks)-1].data[:len(chunks[len(chunks)-1].data)/2]}
	tests := []struct {
		name    string
		entries []entry
	}{
		{"chunks out of order", join(files, one(chunks[0]), one(chunks[2]), one(chunks[1]), chunks[3:])},
		{"a chunk missing", join(files, one(chunks[0]), chunks[2:])},
		{"the first chunk missing", join(files, chunks[1:])},
		{"a chunk twice", join(files, chunks[:2], chunks[1:])},
		{"the last chunk cut short", join(files, chunks[:len(chunks)-1], one(shortLast))},
		{"no database", files},
		{"no key slots", join(files[:1], chunks)},
		{"no vault header", join(files[1:], chunks)},
		{"a file after the database", join(files, chunks, one(entry{"notes.txt", []byte("x")}))},
		{"a slot after the database", join(files, chunks, files[1:2])},
		{"both database formats", join(files, chunks, one(entry{legacyDB, chunks[0].data}))},
		{"a name that climbs out", join(files, one(entry{"slots/../../x.json", []byte("{}")}), chunks)},
		{"a file it never holds", join(one(entry{"notes.txt", []byte("x")}), files, chunks)},
		{"an oversized slot", join(files, one(entry{"slots/big.json", make([]byte, maxSmallFile+1)}), chunks)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDamaged(t, seal(t, tt.entries))
		})
	}
}

// checkDamaged restores data, once into a new folder and once into an
// empty one, and wants crypto.ErrDamagedBackup and nothing left behind.
func checkDamaged(t *testing.T, data []byte) {
	t.Helper()
	into := filepath.Join(t.TempDir(), "restored")
	_, err := restore(data, into)
	if !errors.Is(err, crypto.ErrDamagedBackup) {
		t.Errorf("restore: %v; want crypto.ErrDamagedBackup", err)
	}
	if err != nil && unicode.IsUpper([]rune(err.Error())[0]) {
		t.Errorf("error %q does not start in lower case", err)
	}
	t.Log(err)
	assertGone(t, into)
	empty := t.TempDir()
	if _, err := restore(data, empty); !errors.Is(err, crypto.ErrDamagedBackup) {
		t.Errorf("restore into an empty folder: %v; want crypto.ErrDamagedBackup", err)
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("a failed restore left %d entries in the folder", len(entries))
	}
}

func assertGone(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed restore left %s behind (%v)", dir, err)
	}
}

// TestNoPlaintext looks for the cases' words in the backup file and in the
// restored vault, having first made sure that the database stream itself
// holds them, so that the search could find them.
func TestNoPlaintext(t *testing.T) {
	withChunkSize(t, testChunk)
	v := newVault(t)
	data := v.backup(t)
	var words []string
	for _, c := range v.cases {
		words = append(words, c.Person.Name, c.Reference)
	}
	_, chunks := split(open(t, data))
	var db []byte
	for _, c := range chunks {
		db = append(db, c.data...)
	}
	if !bytes.Contains(db, []byte(words[0])) {
		t.Fatalf("the database stream does not hold %q in clear; the search below would prove nothing", words[0])
	}
	into := filepath.Join(t.TempDir(), "restored")
	if _, err := restore(data, into); err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		if bytes.Contains(data, []byte(w)) {
			t.Errorf("the backup file holds %q in clear", w)
		}
	}
	filepath.WalkDir(into, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range words {
			if bytes.Contains(b, []byte(w)) || strings.Contains(path, w) {
				t.Errorf("the restored vault's %s holds %q in clear", path, w)
			}
		}
		return nil
	})
}
