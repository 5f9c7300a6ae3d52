# actip's entry points. Meson + Ninja do the building; this file installs what is
# missing (scripts/deps.sh), picks the build directory and runs the jobs.
#   make demo    build, load data/demo, write out/report-2021.{json,md,html}, print the tables,
#                the indicator tracking table and out/iati-2021.xml (IATI 2.03);
#                load data/demo/workplan and write the work plan's 2020-H2 report and reviews;
#                then make an admin with a random password (printed once) and serve the web
#                application on http://127.0.0.1:8080 (SERVE=0 skips that, PORT=N moves it)
#   make check   build the release binary (its -O3 warnings too), then build with
#                AddressSanitizer + UndefinedBehaviorSanitizer and run every test
#   make install the program, its manual page and the systemd units (PREFIX, DESTDIR)
#   make bench   time import and report against the sqlite3 shell (bench/run.sh), and the
#                web server against nginx with wrk (bench/web.sh)

BUILD       ?= build
CHECK_BUILD ?= build-check
ACTIP       := $(BUILD)/src/cli/actip
YEAR        ?= 2021
DEMO_DB     ?= out/demo.db
WP_PLAN     ?= BOHOL-2017-2020
WP_PERIOD   ?= 2020-H2
WP_OUT      := out/workplan-$(WP_PLAN)-$(WP_PERIOD)
SERVE       ?= 1
PORT        ?= 8080

.PHONY: all deps build demo check bench clean install

all: build

deps:
	@./scripts/deps.sh

build: deps
	@test -f $(BUILD)/build.ninja || meson setup $(BUILD) --buildtype=release -Dtests=disabled
	@ninja -C $(BUILD)

demo: build
	@mkdir -p out
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(ACTIP) import --db $(DEMO_DB) data/demo
	$(ACTIP) report --db $(DEMO_DB) --year $(YEAR) --format json -o out/report-$(YEAR).json
	$(ACTIP) report --db $(DEMO_DB) --year $(YEAR) --format md -o out/report-$(YEAR).md
	$(ACTIP) report --db $(DEMO_DB) --year $(YEAR) --format html -o out/report-$(YEAR).html
	$(ACTIP) report --db $(DEMO_DB) --year $(YEAR) --format xlsx -o out/report-$(YEAR).xlsx
	$(ACTIP) report --db $(DEMO_DB) --year $(YEAR) --format csv -o out/report-$(YEAR)-csv
	$(ACTIP) report --db $(DEMO_DB) --year $(YEAR) --suppress-below 5 --format html -o out/report-$(YEAR)-public.html
	$(ACTIP) report --db $(DEMO_DB) --year $(YEAR) --suppress-below 5 --format xlsx -o out/report-$(YEAR)-public.xlsx
	@sed -n '/^## Selected indicator results/,/^## Expenditure/p' out/report-$(YEAR).md
	$(ACTIP) check --db $(DEMO_DB) --year $(YEAR)
	$(ACTIP) indicators --db $(DEMO_DB) --year $(YEAR) --format md
	$(ACTIP) indicators --db $(DEMO_DB) --year $(YEAR) --format html -o out/indicators-$(YEAR).html
	$(ACTIP) export iati --db $(DEMO_DB) --year $(YEAR) -o out/iati-$(YEAR).xml
	@if command -v xmllint >/dev/null && [ -f ../shared/reference/iati-2.03/iati-activities-schema.xsd ]; then \
		xmllint --noout --schema ../shared/reference/iati-2.03/iati-activities-schema.xsd out/iati-$(YEAR).xml; fi
	@echo "Wrote out/report-$(YEAR).{json,md,html,xlsx}, out/report-$(YEAR)-csv/ and the public tables (counts under 5 withheld) out/report-$(YEAR)-public.{html,xlsx} (open the HTML report in a browser)"
	$(ACTIP) import --db $(DEMO_DB) data/demo/workplan
	$(ACTIP) workplan report --db $(DEMO_DB) --plan $(WP_PLAN) --period $(WP_PERIOD) --format json -o $(WP_OUT).json
	$(ACTIP) workplan report --db $(DEMO_DB) --plan $(WP_PLAN) --period $(WP_PERIOD) --format md -o $(WP_OUT).md
	$(ACTIP) workplan report --db $(DEMO_DB) --plan $(WP_PLAN) --period $(WP_PERIOD) --format html -o $(WP_OUT).html
	$(ACTIP) workplan report --db $(DEMO_DB) --plan $(WP_PLAN) --period $(WP_PERIOD) --format xlsx -o $(WP_OUT).xlsx
	$(ACTIP) workplan review --db $(DEMO_DB) --plan $(WP_PLAN) --kind midterm --format html -o out/workplan-$(WP_PLAN)-midterm.html
	$(ACTIP) workplan review --db $(DEMO_DB) --plan $(WP_PLAN) --kind final --format html -o out/workplan-$(WP_PLAN)-final.html
	@python3 data/demo/workplan/summary.py $(WP_OUT).json
	@echo "Wrote $(WP_OUT).{json,md,html,xlsx}, out/workplan-$(WP_PLAN)-midterm.html and out/workplan-$(WP_PLAN)-final.html"
	@if [ "$(SERVE)" != 0 ]; then $(MAKE) --no-print-directory serve-demo; fi

# install: the program, its manual page and the systemd units (dist/) under PREFIX, staged
# under DESTDIR when given (make install PREFIX=/usr DESTDIR=/tmp/stage); docs/deploy.md.
PREFIX  ?= /usr/local
DESTDIR ?=
install: build
	@meson configure $(BUILD) -Dprefix=$(PREFIX) >/dev/null
	@meson install -C $(BUILD) --no-rebuild --quiet $(if $(DESTDIR),--destdir $(DESTDIR))
	@echo "Installed under $(DESTDIR)$(PREFIX): bin/actip, share/man/man1/actip.1, lib/systemd/system/actip{,-backup}.service, actip-backup.timer"

check: check-build
	@meson test -C $(CHECK_BUILD) --print-errorlogs --num-processes 2; \
		status=$$?; python3 scripts/test-summary.py $(CHECK_BUILD)/meson-logs/testlog.json; \
		exit $$status

# check-build: the sanitizer build of `make check`.
.PHONY: check-build
check-build: build
	@test -f $(CHECK_BUILD)/build.ninja || meson setup $(CHECK_BUILD) --buildtype=debug \
		-Db_sanitize=address,undefined -Db_lundef=false -Dtests=enabled \
		-Dc_args=-fno-sanitize-recover=all
	@ninja -C $(CHECK_BUILD)

bench: build
	@bench/run.sh $(ACTIP)
	@bench/web.sh $(ACTIP)

# stress: the long variants of the reliability tests on the check build (200 kills).
KILLS ?= 200
.PHONY: stress
stress: check-build
	@KILLS=$(KILLS) meson test -C $(CHECK_BUILD) --print-errorlogs --timeout-multiplier 20 crash

# fuzz: every fuzz/ target under libFuzzer (clang, ASan + UBSan) for SECONDS each, in
# build-fuzz; new inputs go to build-fuzz/corpus/NAME, crashes to build-fuzz/crashes/.
FUZZ_BUILD ?= build-fuzz
SECONDS    ?= 60
.PHONY: fuzz
fuzz: deps
	@test -f $(FUZZ_BUILD)/build.ninja || CC=clang meson setup $(FUZZ_BUILD) --buildtype=debugoptimized \
		-Db_sanitize=address,undefined -Db_lundef=false -Dtests=disabled -Dfuzzing=enabled \
		-Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=all'
	@ninja -C $(FUZZ_BUILD)
	@set -e; for t in csv xlsx json http namekey; do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/crashes; \
		echo "fuzz_$$t: $(SECONDS) s"; \
		$(FUZZ_BUILD)/fuzz/fuzz_$$t -max_total_time=$(SECONDS) -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_BUILD)/crashes/$$t- $(FUZZ_BUILD)/corpus/$$t fuzz/corpus/$$t; \
	done

clean:
	rm -rf $(BUILD) $(CHECK_BUILD) $(FUZZ_BUILD) out

# serve-demo: the web application on the demo database: a new admin account with a
# random password printed once, then http://127.0.0.1:$(PORT) until Ctrl-C. `make demo`
# ends with it; `make demo SERVE=0` stops after the files.
.PHONY: serve-demo
serve-demo:
	@pw=$$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 20); \
	 if $(ACTIP) user list --db $(DEMO_DB) 2>/dev/null | grep -q '^admin\b'; then \
	   echo "$$pw" | $(ACTIP) user passwd --db $(DEMO_DB) --name admin --password-stdin >/dev/null; \
	 else \
	   echo "$$pw" | $(ACTIP) user add --db $(DEMO_DB) --name admin --role admin --password-stdin >/dev/null; \
	 fi && \
	 echo "Sign in at http://127.0.0.1:$(PORT)/ as admin with password: $$pw (shown once; Ctrl-C stops the server)"
	$(ACTIP) serve --db $(DEMO_DB) --listen 127.0.0.1:$(PORT)
