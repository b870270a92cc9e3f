package records

// practiceGaps is the number of practice-check gaps shown in the case list,
// worked out when the case is read at open or saved.
func practiceGaps(c *Case) int {
	return CountGaps(c)
}
