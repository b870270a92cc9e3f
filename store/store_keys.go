package store

import (
	"encoding/binary"
	"errors"
)

// Keys are opaque: a fixed prefix and a random id or a sequence number, so a
// key says nothing about a person even if Badger's encryption were removed.
const (
	casePrefix        = "case/"                // + case id: the Case document (JSON)
	summaryPrefix     = "sum/"                 // + case id: the case's summary for the case list (JSON)
	auditPrefix       = "audit/"               // + 8-byte big-endian sequence number: one AuditEntry (JSON)
	auditHeadKey      = "meta/audit-head"      // the latest audit sequence number and hash
	refSeqKey         = "meta/refseq"          // the counter for new case references
	summaryVersionKey = "meta/summary-version" // the summary format the sum/ records are in
	importPendingKey  = "meta/import-pending"  // present only while a large import is written
)

func caseKey(id string) []byte    { return []byte(casePrefix + id) }
func summaryKey(id string) []byte { return []byte(summaryPrefix + id) }

func auditKey(seq uint64) []byte {
	k := make([]byte, len(auditPrefix)+8)
	copy(k, auditPrefix)
	binary.BigEndian.PutUint64(k[len(auditPrefix):], seq)
	return k
}

var errBadAuditKey = errors.New("audit key of the wrong length")

// auditSeq reads the sequence number back from an audit key.
func auditSeq(key []byte) (uint64, error) {
	if len(key) != len(auditPrefix)+8 {
		return 0, errBadAuditKey
	}
	return binary.BigEndian.Uint64(key[len(auditPrefix):]), nil
}
