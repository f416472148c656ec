# The two commands a new user needs: `make site` and `make test`.
SWIFT ?= swift
GLOSSA_RELEASE = .build/release/glossa

.PHONY: site test deps build release clean fuzz bench

## Install missing system packages, build in release mode, build the sample site into Output/.
site: deps release
	$(GLOSSA_RELEASE) build

## Install missing system packages, then run the whole test suite.
# The preview server's tests time file-system events; they run on their own so that the
# CPU-bound build tests cannot starve their tasks on a two-core machine.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip GlossaPreviewTests
	$(SWIFT) test --filter GlossaPreviewTests
	@if [ -x scripts/validate-html.sh ]; then scripts/validate-html.sh; fi

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product glossa

clean:
	rm -rf .build

## Run each libFuzzer target for FUZZ_SECONDS (default 60) seconds.
fuzz: deps
	scripts/fuzz.sh

## glossa against Hugo and the cmark-gfm floor (needs ../shared/bench).
bench: deps
	scripts/bench.sh
