// Package export turns a safeguarding case into documents that can leave the
// vault: meeting packs for multi-agency meetings, a copy for the person or
// their representative, and custom packs.
//
// A pack is built once, by BuildPack, into a format-neutral Document: parts
// with headings, paragraphs, tables and the lines that say a section was
// withheld. The PDF and HTML renderers draw that same Document, so the two
// formats never drift apart. Every page carries the protective marking, the
// case reference (never the person's name), the date made and "Page N of M".
//
// The package takes records and never opens the store: the caller loads the
// case, chooses the options and records the export in the audit trail.
// EncryptPDF protects a PDF with AES-256 (pdfcpu); fpdf's own protection is
// 40-bit RC4 and is never used.
package export
