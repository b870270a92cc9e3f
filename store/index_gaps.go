package store

import (
	"msprecords/practice"
	"msprecords/records"
)

// practiceGaps is the number of practice-check gaps shown in the case list,
// worked out when the case is read at open or saved.
func practiceGaps(c *records.Case) int {
	return practice.CountGaps(c)
}
