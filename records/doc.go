// Package records is the domain of MSP Records: what a record of an adult
// safeguarding enquiry (Care Act 2014, section 42) holds, told the Making
// Safeguarding Personal way.
//
// A newcomer can read it in this order:
//
//   - case.go: the Case and its parts. The person's own views, wishes and
//     desired outcomes come first; then contacts, representatives,
//     capacity assessments, risks and actions, referrals, the person
//     alleged to have caused harm, the outcome, and the chronology.
//   - fields.go: every field's label, hint, help and pick-list, described
//     once (by its JSON path, e.g. "person.conditions") for the window's
//     forms, the packs and the command line's show.
//   - picklists.go: the exact pick-list labels of the domain, held as data
//     and handed out as copies, so that no caller can change one.
//   - date.go: calendar dates, typed the UK way (31/01/2026) and shown as
//     "31 January 2026"; ISO 8601 in JSON.
//   - validate.go: normalising and checking a case, with one Problem per
//     field in the words a user reads ("Enter…", "…must be a real date").
//   - nhs.go, postcode.go, ids.go: NHS numbers, postcodes and opaque ids.
//   - chronology.go, closing.go: the append-only chronology and what
//     closing a case asks.
//
// The package imports the standard library only (a test proves it), so
// that every other package can use it: the practice rules (package
// practice), the encrypted store (store), the packs (export), the window
// (app) and the command line (cli).
package records
