# mk/addin.mk — the LibreOffice Calc add-in (addin/): build/kmgca.oxt.
# The SDK's tools and headers come from Debian's libreoffice-dev; the C core
# is linked in statically, so the extension needs nothing else installed.

LO_PROGRAM ?= /usr/lib/libreoffice/program
LO_SDK     ?= /usr/lib/libreoffice/sdk
LO_TYPES    = $(LO_PROGRAM)/types.rdb $(LO_PROGRAM)/types/offapi.rdb
ADDIN_B     = $(B)/addin
# CXXFLAGS (and CPPFLAGS, LDFLAGS) from the environment or the command line
# when given, as for the C core.
CXXFLAGS   ?= -O2 -g
ADDIN_CXXFLAGS = -std=c++17 -fPIC -fvisibility=hidden -Wall -Wextra \
                 -DUNX -DGCC -DLINUX -DCPPU_ENV=gcc3 -I/usr/include/libreoffice \
                 -I$(ADDIN_B)/inc -Iinclude $(CPPFLAGS) $(CXXFLAGS)
ADDIN_LIBS  = -L$(LO_SDK)/lib -luno_cppuhelpergcc3 -luno_cppu -luno_sal
CXX        ?= g++
SOFFICE    ?= soffice
# The SDK tools find their own libraries in the office's program folder.
LO_TOOL     = LD_LIBRARY_PATH=$(LO_PROGRAM) $(LO_SDK)/bin

# The steps every UNO component here takes (the add-in, and the benchmark's
# no-op below): its IDL into a type library, its C++ compiled, and the staged
# files of its extension zipped, $(call uno_zip,STAGED FOLDER,FILES).
UNO_IDL     = $(call say,IDL,$@)$(LO_TOOL)/unoidl-write $(LO_TYPES) $< $@
UNO_CXX     = $(call say,CXX,$<)$(CXX) $(ADDIN_CXXFLAGS) -c $< -o $@
uno_zip     = $(call say,ZIP,$@)rm -f $@.tmp && (cd $(1) && zip -q -X $(abspath $@).tmp $(2)) && mv $@.tmp $@

.PHONY: addin install-addin uninstall-addin install-addin-bundled check-addin bench-addin
addin: $(B)/kmgca.oxt
CHECK_MORE += check-addin

$(B)/.setup-addin: tools/setup.sh $(SETUP)
	$(Q)$(SETUP_SH) addin
	@touch $@

$(ADDIN_B)/kmgca.rdb: addin/idl/XCalcFunctions.idl $(B)/.setup-addin
	@mkdir -p $(dir $@)
	$(UNO_IDL)

# C++ headers for every UNO type the component uses (generated once).
$(ADDIN_B)/inc/.stamp: $(ADDIN_B)/kmgca.rdb
	@rm -rf $(ADDIN_B)/inc && mkdir -p $(ADDIN_B)/inc
	$(call say,CPPUMAKE,$(ADDIN_B)/inc)$(LO_TOOL)/cppumaker -Gc -O$(abspath $(ADDIN_B)/inc) $(LO_TYPES) $(abspath $<)
	@touch $@

$(ADDIN_B)/kmgca_addin.o: addin/kmgca_addin.cxx addin/component.hxx include/kmgca.h $(ADDIN_B)/inc/.stamp
	$(UNO_CXX)

$(ADDIN_B)/kmgca.uno.so: $(ADDIN_B)/kmgca_addin.o $(B)/libkmgca.a
	$(call say,LD,$@)$(CXX) -shared -Wl,-z,defs -Wl,--as-needed $(LDFLAGS) -o $@ $< $(B)/libkmgca.a \
	  $(ADDIN_LIBS) $(XLSX_LIBS) $(LIBS)

ADDIN_FILES = META-INF/manifest.xml description.xml description-en.txt description-zh.txt \
              LICENSE.txt kmgca.components kmgca.rdb kmgca.uno.so
$(B)/kmgca.oxt: $(ADDIN_B)/kmgca.uno.so $(ADDIN_B)/kmgca.rdb addin/oxt/META-INF/manifest.xml \
                addin/oxt/description.xml.in addin/oxt/description-en.txt \
                addin/oxt/description-zh.txt addin/oxt/kmgca.components LICENSE
	@rm -rf $(ADDIN_B)/oxt && mkdir -p $(ADDIN_B)/oxt/META-INF
	@cp addin/oxt/META-INF/manifest.xml $(ADDIN_B)/oxt/META-INF/
	@cp addin/oxt/description-en.txt addin/oxt/description-zh.txt addin/oxt/kmgca.components \
	    $(ADDIN_B)/kmgca.rdb $(ADDIN_B)/kmgca.uno.so $(ADDIN_B)/oxt/
	@cp LICENSE $(ADDIN_B)/oxt/LICENSE.txt
	@sed 's/@VERSION@/$(VERSION)/' addin/oxt/description.xml.in > $(ADDIN_B)/oxt/description.xml
	$(call uno_zip,$(ADDIN_B)/oxt,$(ADDIN_FILES))

# For the current user, through unopkg (LibreOffice must not be running);
# root may only install for every user (unopkg --shared).
UNOPKG_SCOPE = $(if $(filter 0,$(shell id -u)),--shared,)
install-addin: $(B)/kmgca.oxt
	unopkg add $(UNOPKG_SCOPE) --force $(B)/kmgca.oxt
	@echo "installed$(if $(UNOPKG_SCOPE), for every user,): start LibreOffice Calc and try =MAGNESIUM(\"almonds\"; 30; \"g\")"
uninstall-addin:
	unopkg remove $(UNOPKG_SCOPE) org.kmgca.calc

# For packagers: the extension unpacked into the office's folder of bundled
# extensions, as distributions ship them (Debian's libreoffice-kmgca): the
# office registers it when it starts, no unopkg is run. DESTDIR as for install.
LO_EXTDIR ?= /usr/lib/libreoffice/share/extensions
install-addin-bundled: $(B)/kmgca.oxt
	install -d $(DESTDIR)$(LO_EXTDIR)/kmgca/META-INF
	for f in $(ADDIN_FILES); do \
	  install -m 644 $(ADDIN_B)/oxt/$$f $(DESTDIR)$(LO_EXTDIR)/kmgca/$$f || exit 1; \
	done

check-addin: $(B)/kmgca.oxt $(B)/.setup-test
	$(Q)/usr/bin/python3 tests/addin/run.py $(B)

# The benchmark's no-op add-in (bench/noop_addin.cxx): KMGCANOOP, declared
# as MAGNESIUM is, which gives back its amount and links no kmgca code. Built
# for bench-addin only: not in `addin`, the installs or the Debian package.
NOOP_B      = $(B)/bench/noop
NOOP_FILES  = META-INF/manifest.xml description.xml noop.components noop.rdb noop.uno.so

$(NOOP_B)/noop.rdb: bench/noop/XNoopFunctions.idl $(B)/.setup-addin
	@mkdir -p $(dir $@)
	$(UNO_IDL)

# Only its own interface: the office's types come from $(ADDIN_B)/inc.
$(NOOP_B)/inc/.stamp: $(NOOP_B)/noop.rdb
	@rm -rf $(NOOP_B)/inc && mkdir -p $(NOOP_B)/inc
	$(call say,CPPUMAKE,$(NOOP_B)/inc)$(LO_TOOL)/cppumaker -Gc -O$(abspath $(NOOP_B)/inc) \
	  -Torg.kmgca.bench.XNoopFunctions -nD $(LO_TYPES) $(abspath $<)
	@touch $@

$(NOOP_B)/noop_addin.o: ADDIN_CXXFLAGS += -Iaddin -I$(NOOP_B)/inc
$(NOOP_B)/noop_addin.o: bench/noop_addin.cxx addin/component.hxx $(ADDIN_B)/inc/.stamp \
                        $(NOOP_B)/inc/.stamp
	$(UNO_CXX)

$(NOOP_B)/noop.uno.so: $(NOOP_B)/noop_addin.o
	$(call say,LD,$@)$(CXX) -shared -Wl,-z,defs -Wl,--as-needed $(LDFLAGS) -o $@ $< $(ADDIN_LIBS)

$(B)/bench/kmgca-noop.oxt: $(NOOP_B)/noop.uno.so $(NOOP_B)/noop.rdb bench/noop/META-INF/manifest.xml \
                           bench/noop/description.xml bench/noop/noop.components
	@rm -rf $(NOOP_B)/oxt && mkdir -p $(NOOP_B)/oxt/META-INF
	@cp bench/noop/META-INF/manifest.xml $(NOOP_B)/oxt/META-INF/
	@cp bench/noop/description.xml bench/noop/noop.components $(NOOP_B)/noop.rdb \
	    $(NOOP_B)/noop.uno.so $(NOOP_B)/oxt/
	$(call uno_zip,$(NOOP_B)/oxt,$(NOOP_FILES))

# 100,000 MAGNESIUM cells against the no-op add-in of the same shape,
# LEN(A1)*B1/100, SQRTPI and a VLOOKUP over the food table, recalculated in a
# headless Calc (bench/addin.py).
bench-addin: $(B)/kmgca.oxt $(B)/bench/kmgca-noop.oxt $(B)/bench/gen_diary $(B)/.setup-test
	/usr/bin/python3 bench/addin.py $(B)
