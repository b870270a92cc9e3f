// Package practice holds the rules of good practice that MSP Records checks
// a record against, as pure functions over *records.Case with no I/O:
//
//   - Check: the practice check of one case against the points of the MSP
//     dementia audit briefing (criteria.go lists them), each met, partly
//     met, not met or not applicable, with the evidence found and what to
//     do next. CountGaps is the number the case list shows.
//   - DrawSample and Audit: the dip-sample audit, a reproducible random
//     sample of cases chosen by filter and the share meeting each point.
//   - ComputeFigures: the Safeguarding Adults Collection counts for a
//     financial year, in published or exact form.
//
// RulesVersion changes whenever a rule's outcome can change, so that
// anything that stores a rule's result (the store's case summaries) knows
// to work it out again.
package practice
