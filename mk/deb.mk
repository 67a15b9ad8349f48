# mk/deb.mk — the Debian packages (debian/) and their check.
#
#   make deb            kmgca, libkmgca0, libkmgca-dev and libreoffice-kmgca
#                       built by dpkg-buildpackage (debhelper, offline, from
#                       Debian 12 packages only) into $(B)/deb; the source
#                       tree is cleaned after the build
#   make check-deb      builds them if needed, runs lintian, installs them on
#                       this machine (root only: the check is meant for a
#                       throwaway CI machine), uses them as a user would
#                       (tests/deb/run.sh), purges them and checks that
#                       nothing is left behind
#   make check-version  the version written in the header, the manual page,
#                       debian/changelog and NEWS is the Makefile's VERSION

DEB_DIR     = $(B)/deb
DEB_ARCH   := $(shell dpkg-architecture -qDEB_HOST_ARCH 2>/dev/null)
DEB_CHANGES = $(DEB_DIR)/kmgca_$(VERSION)_$(DEB_ARCH).changes
# What the packages are made of: a change to any of these rebuilds them.
DEB_INPUTS  = Makefile $(wildcard mk/*.mk) LICENSE include/kmgca.h man/kmgca.1 \
              $(wildcard debian/* debian/source/* lib/*.c lib/*.h cli/*.c cli/*.h cli/*.bash \
                         tools/*.c addin/*.cxx addin/*.hxx addin/idl/* addin/oxt/* addin/oxt/META-INF/* \
                         examples/* examples/clients/*/*) \
              $(TABLES) targets/dri.csv $(wildcard drugtables/*.csv)
CHECK_MORE += check-version check-deb

.PHONY: deb check-deb check-version

$(B)/.setup-deb: tools/setup.sh $(SETUP)
	$(Q)$(SETUP_SH) deb
	@touch $@

deb: $(B)/.setup-deb check-version
	$(Q)rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)
	@# debian/rules puts the .debs where KMGCA_DEB_DIR says (dh_builddeb
	@# --destdir); the .changes and .buildinfo go beside them, never into the
	@# folder above the clone.
	@# The package build starts from a clean make: no variable given to this
	@# make (CFLAGS=..., B=...) reaches debian/rules through MAKEFLAGS.
	$(Q)env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL KMGCA_DEB_DIR=$(abspath $(DEB_DIR)) \
	  dpkg-buildpackage -us -uc -b -j2 \
	  --buildinfo-option=-u$(abspath $(DEB_DIR)) --changes-option=-u$(abspath $(DEB_DIR)) \
	  --buildinfo-file=$(abspath $(DEB_DIR))/kmgca_$(VERSION)_$(DEB_ARCH).buildinfo \
	  --changes-file=$(abspath $(DEB_CHANGES))
	@# What the build left in debian/ (debian/files, debian/tmp, the packages'
	@# trees, debhelper's logs) goes, as at the start of the next build.
	$(Q)env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL debian/rules clean
	@ls $(DEB_DIR)

$(DEB_CHANGES): $(DEB_INPUTS)
	$(Q)$(MAKE) --no-print-directory deb

check-version:
	$(Q)sh tools/check-version.sh $(VERSION)

check-deb: check-version
	$(Q)if [ "$$(id -u)" != 0 ]; then \
	  echo "skip check-deb: it installs and purges the Debian packages, which needs root (a throwaway machine)"; \
	else \
	  $(MAKE) --no-print-directory $(DEB_CHANGES) $(B)/.setup-deb && \
	  sh tests/deb/run.sh $(DEB_DIR) $(VERSION); \
	fi
