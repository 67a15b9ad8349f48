# mk/deb.mk — the Debian packages (debian/) and their check.
#
#   make deb            kmgca, libkmgca0, libkmgca-dev and libreoffice-kmgca
#                       built by dpkg-buildpackage (debhelper, offline, from
#                       Debian 12 packages only) into $(B)/deb; the source
#                       tree is cleaned after the build
#   make check-version  the version written in the header, the manual page,
#                       debian/changelog and NEWS is the Makefile's VERSION

DEB_DIR     = $(B)/deb
DEB_ARCH   := $(shell dpkg-architecture -qDEB_HOST_ARCH 2>/dev/null)
DEB_CHANGES = $(DEB_DIR)/kmgca_$(VERSION)_$(DEB_ARCH).changes
CHECK_MORE += check-version

.PHONY: deb check-version

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

check-version:
	$(Q)sh tools/check-version.sh $(VERSION)
