package backup

import (
	"archive/tar"
	"errors"
	"io"
)

// chunkWriter cuts the database stream into tar entries of at most
// ChunkSize bytes. A tar entry states its size before its data, so each
// chunk is gathered in memory first: one chunk, never the whole stream.
type chunkWriter struct {
	tw   *tar.Writer
	buf  []byte
	next int // the number of the next chunk to write
}

var _ io.WriteCloser = (*chunkWriter)(nil)

func newChunkWriter(tw *tar.Writer) *chunkWriter {
	return &chunkWriter{tw: tw, buf: make([]byte, 0, max(ChunkSize, 1))}
}

// Write gathers p, writing out each chunk as it fills.
func (c *chunkWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		k := copy(c.buf[len(c.buf):cap(c.buf)], p)
		c.buf = c.buf[:len(c.buf)+k]
		p, n = p[k:], n+k
		if len(c.buf) == cap(c.buf) {
			if err := c.flush(); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// Close writes the last, partly filled chunk. A database stream that is
// empty still gets chunk 0, so that a backup always holds its database.
func (c *chunkWriter) Close() error {
	if len(c.buf) > 0 || c.next == 0 {
		return c.flush()
	}
	return nil
}

func (c *chunkWriter) flush() error {
	if c.next >= maxChunks {
		return errors.New("the database is too large for one backup")
	}
	if err := addFile(c.tw, chunkName(c.next), c.buf); err != nil {
		return err
	}
	clear(c.buf) // plaintext: do not leave it about longer than needed
	c.buf = c.buf[:0]
	c.next++
	return nil
}

// chunkReader reads the database stream back from the tar entries that hold
// it, from the one first stands for onwards: either chunks numbered from 0
// with no gaps, or the single entry of the first format. It ends cleanly
// (io.EOF) only at the end of the archive; anything else after the
// database, or a chunk out of order, is damage, kept in err.
type chunkReader struct {
	tr     *tar.Reader
	legacy bool // the single db.backup entry
	next   int  // the number of the chunk expected next
	done   bool // the archive's end was reached
	err    error
}

var _ io.Reader = (*chunkReader)(nil)

// newChunkReader starts reading at the entry named first, which tr has
// just returned.
func newChunkReader(tr *tar.Reader, first string) (*chunkReader, error) {
	if first == legacyDB {
		return &chunkReader{tr: tr, legacy: true}, nil
	}
	if n, ok := chunkNumber(first); !ok || n != 0 {
		return nil, damagedf("the database starts at %q, not at its first chunk", first)
	}
	return &chunkReader{tr: tr, next: 1}, nil
}

func (c *chunkReader) Read(p []byte) (int, error) {
	for c.err == nil && !c.done {
		n, err := c.tr.Read(p)
		if n > 0 || len(p) == 0 {
			return n, nil
		}
		if err != io.EOF {
			c.err = damaged(err)
			break
		}
		c.err = c.nextChunk()
	}
	if c.err != nil {
		return 0, c.err
	}
	return 0, io.EOF
}

// nextChunk moves to the next entry, which must be the next chunk or the
// end of the archive.
func (c *chunkReader) nextChunk() error {
	h, err := c.tr.Next()
	if err == io.EOF {
		c.done = true
		return nil
	}
	if err != nil {
		return damaged(err)
	}
	n, ok := chunkNumber(h.Name)
	switch {
	case !ok || c.legacy:
		return damagedf("unexpected entry %q after the database", h.Name)
	case h.Typeflag != tar.TypeReg:
		return damagedf("unexpected entry %q in the backup", h.Name)
	case n != c.next:
		return damagedf("chunk %d of the database is missing or out of order (found chunk %d)", c.next, n)
	}
	c.next++
	return nil
}

// finish reads what the database did not, which must be nothing but the
// end of the archive.
func (c *chunkReader) finish() error {
	_, err := io.Copy(io.Discard, c)
	return err
}
