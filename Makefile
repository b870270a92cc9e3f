# MSP Records. The two commands most people need:
#
#   make run    install what is missing, build, and open the window
#   make test   install what is missing, check formatting, vet, test, cross-compile for Windows
#
# Both work on a fresh Debian or Ubuntu machine: `deps` installs the C
# compiler, the X11 and OpenGL headers Fyne needs, Xvfb, poppler-utils,
# ImageMagick and the Windows cross-compiler, but only those missing.

export LANG := en_GB.UTF-8

GO        ?= go
BINARY    := msprecords
TIMEOUT   ?= 30m
# Benchmarks: long enough for steady figures, short enough that `make bench` stays under fifteen minutes.
BENCHTIME ?= 2s
# Fuzzing: a million inputs per target, whatever the machine's speed (go test reads "Nx" as N
# inputs). Each input costs at least Go's coverage bookkeeping, a pass over the counters of every
# package in the test binary (25 KB for records, 90 KB for store, 156 KB for export): measured on
# two cores shared with other builds, a target took from half a minute (records) to eight (export).
FUZZTIME  ?= 1000000x
# staticcheck is run with `go run` at this pinned version, so nothing is installed by hand.
STATICCHECK_VERSION := v0.8.2
# Every package but the window's (cgo, OpenGL) runs its tests under the race detector.
WINDOW_PKGS := msprecords msprecords/app

DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev xvfb xauth \
	poppler-utils imagemagick gcc-mingw-w64-x86-64 locales xdotool \
	sqlcipher python3 time zbar-tools
# Wine runs the Windows build in `make wine` (scripts/wine-test.sh).
DEB_PACKAGES += wine wine64
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build run deps locale test fmt-check vet staticcheck unit windows smoke bench fuzz soak clean
.PHONY: wine

build:
	$(GO) build -o $(BINARY) .

run: deps build
	./$(BINARY)

# deps installs the Debian packages that are missing (and Go, if there is
# none: Go 1.21 or later downloads the version go.mod asks for by itself).
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v $(GO) >/dev/null 2>&1 || missing="$$missing golang-go"; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi
	@$(MAKE) --no-print-directory locale

# locale makes sure en_GB.UTF-8 exists, for British dates and sorting in the tools the tests run.
locale:
	@if ! locale -a 2>/dev/null | grep -qi '^en_GB\.utf-\?8$$'; then \
		echo "Generating the en_GB.UTF-8 locale"; \
		if [ -f /etc/locale.gen ] && command -v locale-gen >/dev/null 2>&1; then \
			$(SUDO) sed -i 's/^# *\(en_GB\.UTF-8 UTF-8\)/\1/' /etc/locale.gen; \
			grep -q '^en_GB\.UTF-8 UTF-8' /etc/locale.gen || echo 'en_GB.UTF-8 UTF-8' | $(SUDO) tee -a /etc/locale.gen >/dev/null; \
			$(SUDO) locale-gen; \
		elif command -v locale-gen >/dev/null 2>&1; then \
			$(SUDO) locale-gen en_GB.UTF-8; \
		else \
			$(SUDO) localedef -i en_GB -c -f UTF-8 en_GB.UTF-8; \
		fi; \
	fi

test: deps fmt-check vet staticcheck unit windows smoke wine

# smoke runs the built binary in a real window under Xvfb and checks screenshots of it.
smoke: deps
	scripts/smoke.sh

fmt-check:
	@unformatted="$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*'))"; \
	if [ -n "$$unformatted" ]; then echo "Not formatted with gofmt:"; echo "$$unformatted"; exit 1; fi

vet:
	$(GO) vet ./...

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

# unit runs every test once: under -race where there is no window, plainly for the window.
unit:
	$(GO) test -race -timeout $(TIMEOUT) $$($(GO) list ./... | grep -vxF $(foreach p,$(WINDOW_PKGS),-e $(p)))
	$(GO) test -timeout $(TIMEOUT) $(WINDOW_PKGS)

# windows builds msprecords.exe with `fyne package`, which gives it the icon, version information
# and manifest from FyneApp.toml. The tool is built for this machine into .tools (git-ignored): run
# for Windows with `go run`, it would build itself for Windows. The files it writes into the tree
# while it builds are removed even when the build fails, and FyneApp.toml is put back as it was:
# fyne package counts its Build up after each build, and the build number is ours to set.
FYNE_VERSION := v1.7.4
FYNE := .tools/fyne-$(FYNE_VERSION)/fyne
FYNE_LEFTOVERS := fyne.syso fyne_metadata_init.go FyneApp.ico $(BINARY).exe.manifest "MSP Records.exe"

$(FYNE):
	GOBIN=$(CURDIR)/$(dir $(FYNE)) $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_VERSION)

windows: $(FYNE)
	@rm -f $(FYNE_LEFTOVERS)
	cp FyneApp.toml $(dir $(FYNE))FyneApp.toml.before; \
	CGO_ENABLED=1 GOARCH=amd64 CC=x86_64-w64-mingw32-gcc $(FYNE) package -os windows --release; \
	status=$$?; \
	cp $(dir $(FYNE))FyneApp.toml.before FyneApp.toml; \
	if [ $$status = 0 ] && [ -f "MSP Records.exe" ]; then mv -f "MSP Records.exe" $(BINARY).exe; fi; \
	rm -f $(FYNE_LEFTOVERS); \
	exit $$status

# wine runs the Windows build under Wine: every package's tests, a command-line session of
# msprecords.exe and its window under Xvfb (scripts/wine-test.sh; Wine is set up by wine-setup.sh).
wine: deps windows
	scripts/wine-test.sh $(BINARY).exe

# bench runs, in one go, the anchor workloads of ../shared/bench (SQLCipher
# with synchronous=FULL, plain Badger), every Go benchmark and the whole
# `list` process at 10,000 and 50,000 cases, then prints our figures as
# ratios to the anchors' (scripts/bench.sh). SHARED is where shared/ is.
SHARED ?= ../shared
bench: deps
	GO=$(GO) BENCHTIME=$(BENCHTIME) SHARED=$(SHARED) scripts/bench.sh

# fuzz runs every fuzz target for FUZZTIME each (one target at a time, as go test requires).
fuzz: deps
	@set -e; for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "== $$pkg $$f"; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s $$pkg; \
		done; \
	done

# soak runs the SIGKILL crash tests again, with SOAKROUNDS kills of a user's removal (make test
# does a few).
SOAKROUNDS ?= 100
soak: deps
	MSPRECORDS_REMOVE_CRASH_ROUNDS=$(SOAKROUNDS) $(GO) test -count=1 -timeout 60m -run 'CrashSafety' ./store/ ./vaultopen/

clean:
	rm -f $(BINARY) $(BINARY).exe $(FYNE_LEFTOVERS)
