# make install / make uninstall, in the GNU manner: PREFIX (or prefix)
# chooses where, DESTDIR stages the whole tree for a package. Installed:
#   $(bindir)/kgraph
#   $(man1dir)/kgraph.1, kgraph-render.1, ... (one page per command)
#   $(datadir)/bash-completion/completions/kgraph
#   $(datadir)/kgraph/schema.json       the JSON Schema, at a stable path
#   $(datadir)/kgraph/models/*.yaml     the example models
# Uninstall removes exactly these files, and kgraph's own two folders
# under $(datadir)/kgraph if nothing else is left in them.

PREFIX ?= /usr/local
prefix = $(PREFIX)
exec_prefix = $(prefix)
bindir = $(exec_prefix)/bin
datarootdir = $(prefix)/share
datadir = $(datarootdir)
mandir = $(datarootdir)/man
man1dir = $(mandir)/man1
bashcompletiondir = $(datadir)/bash-completion/completions
kgraphdatadir = $(datadir)/kgraph

INSTALL = install
INSTALL_PROGRAM = $(INSTALL) -m 755
INSTALL_DATA = $(INSTALL) -m 644
MKDIR_P = mkdir -p

MAN1 = kgraph.1 kgraph-render.1 kgraph-check.1 kgraph-list.1 \
	kgraph-export.1 kgraph-schema.1 kgraph-init.1
MODELS = $(notdir $(wildcard models/*.yaml))

.PHONY: install install-strip uninstall

# The pages name the installed files under /usr/local/share; they are
# installed with the datadir of this installation, and with the version.
install: $(BIN) | $(B)
	$(MKDIR_P) '$(DESTDIR)$(bindir)' '$(DESTDIR)$(man1dir)' \
		'$(DESTDIR)$(bashcompletiondir)' '$(DESTDIR)$(kgraphdatadir)/models'
	$(INSTALL_PROGRAM) $(BIN) '$(DESTDIR)$(bindir)/kgraph'
	for page in $(MAN1); do \
		sed -e 's|/usr/local/share/|$(datadir)/|g' \
		    -e 's|^\.Os kgraph$$|.Os kgraph $(VERSION)|' \
		    man/$$page > $(B)/$$page.install && \
		$(INSTALL_DATA) $(B)/$$page.install '$(DESTDIR)$(man1dir)/'$$page && \
		rm -f $(B)/$$page.install || exit 1; \
	done
	$(INSTALL_DATA) completion/kgraph.bash '$(DESTDIR)$(bashcompletiondir)/kgraph'
	$(INSTALL_DATA) src/schema.json '$(DESTDIR)$(kgraphdatadir)/schema.json'
	$(INSTALL_DATA) $(MODELS:%=models/%) '$(DESTDIR)$(kgraphdatadir)/models/'

install-strip:
	$(MAKE) INSTALL_PROGRAM='$(INSTALL_PROGRAM) -s' install

uninstall:
	rm -f '$(DESTDIR)$(bindir)/kgraph'
	for page in $(MAN1); do rm -f '$(DESTDIR)$(man1dir)/'$$page; done
	rm -f '$(DESTDIR)$(bashcompletiondir)/kgraph'
	rm -f '$(DESTDIR)$(kgraphdatadir)/schema.json'
	for model in $(MODELS); do \
		rm -f '$(DESTDIR)$(kgraphdatadir)/models/'$$model; done
	rmdir '$(DESTDIR)$(kgraphdatadir)/models' '$(DESTDIR)$(kgraphdatadir)' 2>/dev/null || true
