# Makefile — builds Krait (no autotools).  `make` = optimised build/krait;
# `make debug`, `make asan` (ASan+UBSan); `make test`, `make test-asan`, `make run`,
# `make bench`, `make regen` (rebuild generated files), `make deps` (Debian packages).
# Every krait gets its extension modules in <its dir>/lib-dynload (built with the same flags).

CC      ?= gcc
PYTHON  ?= /usr/bin/python3.11

# Extension modules built as shared objects in <build>/lib-dynload, as CPython's Debian
# build has them in lib-dynload: each links only its own library, so a krait process maps
# libcrypto, libsqlite3, libedit, liblzma, libbz2 only once a program imports the module.
# DYN_SRC_<name> is the module's source, DYN_LIB_<name> its library.  (_md5, _sha1, _sha256,
# _sha512 and _sha3 are built in, src/modules/_sha_builtin.c, as in CPython: no libcrypto.)
DYN_NAMES := _hashlib _sqlite3 readline _lzma _bz2
DYN_SRC__hashlib := src/modules/_hashopenssl.c
DYN_LIB__hashlib := -lcrypto
DYN_SRC__sqlite3 := src/modules/_sqlite3.c
DYN_LIB__sqlite3 := -lsqlite3
DYN_SRC_readline := src/modules/readline.c
DYN_LIB_readline := -ledit
DYN_SRC__lzma    := src/modules/_lzmamodule.c
DYN_LIB__lzma    := -llzma
DYN_SRC__bz2     := src/modules/_bz2module.c
DYN_LIB__bz2     := -lbz2
# The one suffix Krait loads extensions from (include/dynload.h says why it is not CPython's).
EXT_SUFFIX := .krait-311-$(shell uname -m)-linux-gnu.so
DYN_SRCS := $(foreach m,$(DYN_NAMES),$(DYN_SRC_$(m)))
# <dir>/lib-dynload/<name><suffix> for every module, for a variant's directory
dyn_files = $(foreach m,$(DYN_NAMES),$(1)/lib-dynload/$(m)$(EXT_SUFFIX))

SRCS    := $(filter-out $(DYN_SRCS),$(sort $(wildcard src/*/*.c)))
HDRS    := $(wildcard include/*.h src/*/*.h)
GMP_INC := $(shell dirname $$(find /usr/include -name gmp.h 2>/dev/null | head -1) 2>/dev/null)
CPPFLAGS += -Iinclude -D_GNU_SOURCE -DKRAIT_LIBDIR='"$(abspath lib)"' -DKRAIT_EXT_SUFFIX='"$(EXT_SUFFIX)"'
WARN    := -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
CSTD    := -std=gnu11
# libcrypto, libsqlite3, libedit, liblzma, libbz2: only the lib-dynload modules link them.
LDLIBS  := -lgmp -lz -lexpat -lm -lpthread -ldl
# krait exports its C API (Py*, _Py*) for the extension modules, and nothing else.
EXPORTS := -Wl,--dynamic-list=tools/exports.dynlist

OPT_FLAGS   := -O2 -g -fno-semantic-interposition
DEBUG_FLAGS := -O0 -g3 -DPy_DEBUG
ASAN_FLAGS  := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DKRAIT_ASAN
TSAN_FLAGS  := -O1 -g -fsanitize=thread -fno-omit-frame-pointer

# B= puts a build elsewhere (e.g. make B=/tmp/mybuild), so parallel builds don't collide.
# Defined before the first rule: `all` expands $(B) when it is read.
B ?= build

.PHONY: all debug asan tsan expected deps run test test-asan test-lsan bench regen clean check-warnings

all: $(B)/krait

# ---- dependencies: installed on demand, saying what ----
build/.deps: tools/deps.sh
	@mkdir -p build
	@bash tools/deps.sh
	@touch $@
deps:
	@bash tools/deps.sh

define BUILD_VARIANT
$(1)/obj/%.o: src/%.c $(HDRS) | build/.deps
	@mkdir -p $$(dir $$@)
	$$(CC) $(CSTD) $(WARN) $(2) $$(CPPFLAGS) -c $$< -o $$@
$(1)/krait: $(patsubst src/%.c,$(1)/obj/%.o,$(SRCS)) tools/exports.dynlist | $(call dyn_files,$(1))
	$$(CC) $(2) $$(EXPORTS) -o $$@ $$(filter %.o,$$^) $$(LDLIBS)
endef

# One extension module of a variant: $(1) variant directory, $(2) its flags, $(3) module.
define DYN_MODULE
$(1)/lib-dynload/$(3)$(EXT_SUFFIX): $(DYN_SRC_$(3)) $(HDRS) | build/.deps
	@mkdir -p $$(dir $$@)
	$$(CC) $(CSTD) $(WARN) $(2) -fPIC -shared $$(CPPFLAGS) -o $$@ $$< $(DYN_LIB_$(3))
endef

define VARIANT
$(eval $(call BUILD_VARIANT,$(1),$(2)))
$(foreach m,$(DYN_NAMES),$(eval $(call DYN_MODULE,$(1),$(2),$(m))))
endef

# PGO=1 (the default with gcc): $(B)/krait is optimised as CPython's --enable-optimizations
# builds python3.11 (Debian's is built so): profile-guided and link-time optimised, in three
# steps -- an instrumented build, a training run (Krait's own test suite, tests/), and the
# final build using the profile.  Every source change reruns all three (a few minutes);
# PGO=0 gives the plain -O2 build, for development (`make PGO=0 B=/tmp/x /tmp/x/krait`).
# The training's pass/fail count does not matter (the instrumented binary is slow, so some
# tests may time out); only the profile it leaves in $(B)/obj/*.gcda does.
PGO ?= $(if $(shell $(CC) --version 2>/dev/null | grep -qi clang && echo clang),0,1)
LTO_FLAGS := -flto=auto
PGO_GEN   := -fprofile-generate -fprofile-update=prefer-atomic
PGO_USE   := -fprofile-use -fprofile-partial-training -fprofile-correction -Wno-missing-profile -Wno-coverage-mismatch

ifeq ($(PGO),1)
$(B)/krait: $(SRCS) $(DYN_SRCS) $(HDRS) tools/exports.dynlist | build/.deps
	@echo "PGO build of $@, step 1/3: instrumented build"
	rm -rf $(B)/obj $(B)/lib-dynload $(B)/krait
	$(MAKE) PGO=0 B=$(B) OPT_FLAGS="$(OPT_FLAGS) $(LTO_FLAGS) $(PGO_GEN)" $(B)/krait
	@echo "PGO build of $@, step 2/3: training run (tests/; log in $(B)/pgo-training.log)"
	-$(PYTHON) tools/runtests.py --krait $(B)/krait --timeout 120 >$(B)/pgo-training.log 2>&1
	@tail -1 $(B)/pgo-training.log
	@echo "PGO build of $@, step 3/3: optimised build with the profile"
	find $(B)/obj -name '*.o' -delete
	rm -rf $(B)/lib-dynload $(B)/krait
	$(MAKE) PGO=0 B=$(B) OPT_FLAGS="$(OPT_FLAGS) $(LTO_FLAGS) $(PGO_USE)" $(B)/krait
$(B)/astdump:
	$(MAKE) PGO=0 B=$(B)/plain $(B)/plain/astdump
	cp $(B)/plain/astdump $@
else
$(eval $(call VARIANT,$(B),$(OPT_FLAGS)))
endif
$(eval $(call VARIANT,$(B)/debug,$(DEBUG_FLAGS)))
$(eval $(call VARIANT,$(B)/asan,$(ASAN_FLAGS)))
$(eval $(call VARIANT,$(B)/tsan,$(TSAN_FLAGS)))

# Parser test driver: every object except the CLI's main, plus tools/astdump.c.
ifneq ($(PGO),1)
$(B)/astdump: tools/astdump.c $(filter-out $(B)/obj/runtime/main.o,$(patsubst src/%.c,$(B)/obj/%.o,$(SRCS)))
	$(CC) $(CSTD) $(WARN) -O1 -g $(CPPFLAGS) -o $@ $^ $(LDLIBS)
endif

debug: $(B)/debug/krait
asan: $(B)/asan/krait
tsan: $(B)/tsan/krait

run: build/krait
	./build/krait examples/demo.py

# `make test` runs the whole suite; T=area or T=area/name narrows it.
# The command-line comparison (incl. a REPL driven through a pseudo-terminal) runs first,
# so the suite's "N passed, N failed" stays the last line.
test: build/krait
	$(if $(T),,bash tools/cli_tests.sh build/krait)
	$(PYTHON) tools/runtests.py --krait build/krait $(T)

# The suite under ASan+UBSan with LeakSanitizer on (CI runs this): any leak report fails
# the test.  tools/lsan.supp lists accepted process-lifetime allocations (none since
# session 3).  `make test-lsan` is the same target under its old name.
test-asan test-lsan: build/asan/krait
	LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan.supp:print_suppressions=0 \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(PYTHON) tools/runtests.py --krait build/asan/krait --sanitizer $(T)

# Regenerate expected outputs from python3.11 (never edit them by hand).
expected:
	$(PYTHON) tools/runtests.py --regen $(T)

bench: build/krait
	$(PYTHON) tools/bench.py --krait build/krait $(if $(BENCH),--only $(BENCH))

regen:
	$(PYTHON) tools/regen.py

check-warnings:
	$(MAKE) clean && $(MAKE) CC=gcc && $(MAKE) clean && $(MAKE) CC=clang

clean:
	rm -rf build/obj build/debug build/asan build/tsan build/krait build/lib-dynload build/plain build/pgo-training.log
