package backup

import (
	"archive/tar"
	"context"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"msprecords/crypto"
	"msprecords/store"
)

// Progress is told, as a backup is written, how many bytes of the database
// stream have gone out so far and about how many there will be in all (an
// estimate from the database's size, which done may pass; 0: not known).
// It is called on the goroutine running Write, so it must not block for
// long.
type Progress func(done, total int64)

// Write writes an encrypted backup of an open vault to w: the header and
// key slots in vaultDir and the whole database in store, sealed with
// passphrase at the given scrypt work factor (0: crypto.DefaultWorkFactor).
// progress, if not nil, hears how far it has got.
//
// When ctx is done, Write stops at its next write and returns ctx's error
// (context.Canceled); the store is left open. The caller must hold the
// vault's lock, so that the key slots do not change meanwhile, and must
// remove what was written to w if Write fails (WriteFile does both). The
// database reaches w only encrypted, one chunk at a time, so a large vault
// never sits whole in memory.
func Write(ctx context.Context, w io.Writer, vaultDir string, store *store.Store, passphrase string, workFactor int, progress Progress) error {
	enc, err := crypto.EncryptWithPassphrase(w, passphrase, workFactor)
	if err != nil {
		return err
	}
	if err := writeArchive(ctx, enc, vaultDir, store, progress); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return enc.Close()
}

// writeArchive writes the tar stream of a backup: the vault's header and
// slot files from dir, then the database stream in chunks.
func writeArchive(ctx context.Context, w io.Writer, dir string, store *store.Store, progress Progress) error {
	tw := tar.NewWriter(w)
	if err := addVaultFiles(tw, dir); err != nil {
		return err
	}
	cw := newChunkWriter(tw)
	var out io.Writer = cw
	if progress != nil {
		out = &progressWriter{w: cw, total: store.BackupSize(), report: progress}
	}
	if err := store.BackupContext(ctx, out); err != nil {
		return err
	}
	if err := cw.Close(); err != nil {
		return err
	}
	return tw.Close()
}

// progressWriter counts the database stream on its way to the chunks.
type progressWriter struct {
	w      io.Writer
	done   int64
	total  int64
	report Progress
}

func (p *progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.done += int64(n)
	p.report(p.done, p.total)
	return n, err
}

// addVaultFiles adds vault.json and the slot files, sorted by name.
func addVaultFiles(tw *tar.Writer, dir string) error {
	header, err := os.ReadFile(filepath.Join(dir, headerName))
	if err != nil {
		return err
	}
	if err := addFile(tw, headerName, header); err != nil {
		return err
	}
	slots, err := readSlotFiles(filepath.Join(dir, "slots"))
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(slots)) {
		if err := addFile(tw, slotsPrefix+name, slots[name]); err != nil {
			return err
		}
	}
	return nil
}

// addFile adds one file to the archive.
func addFile(tw *tar.Writer, name string, data []byte) error {
	h := &tar.Header{
		Name:     name,
		Mode:     0o600,
		Size:     int64(len(data)),
		ModTime:  time.Now().UTC().Truncate(time.Second),
		Typeflag: tar.TypeReg,
	}
	if err := tw.WriteHeader(h); err != nil {
		return err
	}
	_, err := tw.Write(data)
	return err
}

// readSlotFiles reads the slot files of a vault (not the temporary files a
// crash may leave), by name.
func readSlotFiles(dir string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if !validSlotName(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out[e.Name()] = data
	}
	return out, nil
}
