package cli

import (
	"strconv"
	"strings"

	"msprecords/demo"
	"msprecords/store"
)

type demoOptions struct {
	global globalOptions
	cases  int
	seed   int64
}

// maxDemoCases bounds demo: enough for any benchmark, not enough to fill a disk by a typing slip.
const maxDemoCases = 100000

// demoBatch is how many cases go to the store at once: one all-or-nothing
// import each, so 10,000 cases need twenty commits, not 10,000 fsyncs.
const demoBatch = 500

func newDemoCommand() *command {
	var opts demoOptions
	fs := newFlagSet("demo")
	opts.global.register(fs)
	fs.IntVar(&opts.cases, "cases", 12, "how many `N` cases to add; 12 cover every part of the record and every pick-list")
	fs.Int64Var(&opts.seed, "seed", 1, "the `seed` of the fictional data; the same seed gives the same cases")
	return &command{
		usage:   "demo [--cases N] [flags]",
		summary: "add clearly fictional enquiries for training, trying the app and benchmarks; references start DEMO-",
		flags:   fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			if opts.cases < 1 || opts.cases > maxDemoCases {
				return usagef("--cases must be from 1 to %d", maxDemoCases)
			}
			return withSession(env, opts.global, func(s *session) error { return runDemo(env, opts, s) })
		},
	}
}

func runDemo(env *Env, opts demoOptions, s *session) error {
	first := nextDemoNumber(s.store.Summaries())
	// Refused at once if the disk cannot take them all: the first batch's
	// size, as many times as there are batches.
	n := min(demoBatch, opts.cases)
	if err := s.store.CheckRoomForCases(demo.CasesFrom(first, n, opts.seed), (opts.cases+n-1)/n); err != nil {
		return err
	}
	added := 0
	for added < opts.cases {
		n := min(demoBatch, opts.cases-added)
		cases := demo.CasesFrom(first+added, n, opts.seed)
		if err := s.store.CreateAll(cases); err != nil {
			return err
		}
		added += n
	}
	env.printf("Added %d fictional demonstration cases (references DEMO-…-%04d to DEMO-…-%04d).\n", added, first+1, first+added)
	return nil
}

// nextDemoNumber returns how many demo cases the numbering has reached, so
// that more demo cases get references of their own.
func nextDemoNumber(sums []store.Summary) int {
	most := 0
	for _, s := range sums {
		if !strings.HasPrefix(s.Reference, "DEMO-") {
			continue
		}
		i := strings.LastIndexByte(s.Reference, '-')
		if n, err := strconv.Atoi(s.Reference[i+1:]); err == nil && n > most {
			most = n
		}
	}
	return most
}
