# make install / make uninstall, in the GNU manner: PREFIX (or prefix)
# chooses where, DESTDIR stages the whole tree for a package. Installed:
#   $(bindir)/kgraph
#   $(man1dir)/kgraph.1, kgraph-render.1, ... (one page per command)
#   $(man5dir)/kgraph-format.5          the model format, in brief
#   $(docdir)/format.md                 the model format, in full
#   $(datadir)/bash-completion/completions/kgraph
#   $(datadir)/kgraph/schema.json       the JSON Schema, at a stable path
#   $(datadir)/kgraph/models/*.yaml     the example models
# Uninstall removes exactly these files, and kgraph's own folders
# ($(datadir)/kgraph, its models, and $(docdir)) if nothing else is left
# in them.

PREFIX ?= /usr/local
prefix = $(PREFIX)
exec_prefix = $(prefix)
bindir = $(exec_prefix)/bin
datarootdir = $(prefix)/share
datadir = $(datarootdir)
mandir = $(datarootdir)/man
man1dir = $(mandir)/man1
man5dir = $(mandir)/man5
docdir = $(datarootdir)/doc/kgraph
bashcompletiondir = $(datadir)/bash-completion/completions
kgraphdatadir = $(datadir)/kgraph

INSTALL = install
INSTALL_PROGRAM = $(INSTALL) -m 755
INSTALL_DATA = $(INSTALL) -m 644
MKDIR_P = mkdir -p

MAN1 = kgraph.1 kgraph-render.1 kgraph-deck.1 kgraph-check.1 kgraph-list.1 \
	kgraph-export.1 kgraph-schema.1 kgraph-init.1
MAN5 = kgraph-format.5
DOCS = format.md
MODELS = $(notdir $(wildcard models/*.yaml))

.PHONY: install install-strip uninstall

# The pages name the installed files under /usr/local/share; they are
# installed with the docdir and datadir of this installation, and with the
# version.
# (The docdir goes through a placeholder, so that the datadir's rule does
# not rewrite it again.)
MAN_SED = sed -e 's|/usr/local/share/doc/kgraph/|@docdir@/|g' \
	-e 's|/usr/local/share/|$(datadir)/|g' \
	-e 's|@docdir@|$(docdir)|g' \
	-e 's|^\.Os kgraph$$|.Os kgraph $(VERSION)|'

install: $(BIN) | $(B)
	$(MKDIR_P) '$(DESTDIR)$(bindir)' '$(DESTDIR)$(man1dir)' \
		'$(DESTDIR)$(man5dir)' '$(DESTDIR)$(docdir)' \
		'$(DESTDIR)$(bashcompletiondir)' '$(DESTDIR)$(kgraphdatadir)/models'
	$(INSTALL_PROGRAM) $(BIN) '$(DESTDIR)$(bindir)/kgraph'
	for page in $(MAN1) $(MAN5); do \
		case $$page in *.5) dir='$(DESTDIR)$(man5dir)';; \
		*) dir='$(DESTDIR)$(man1dir)';; esac; \
		$(MAN_SED) man/$$page > $(B)/$$page.install && \
		$(INSTALL_DATA) $(B)/$$page.install "$$dir/$$page" && \
		rm -f $(B)/$$page.install || exit 1; \
	done
	$(INSTALL_DATA) $(DOCS:%=docs/%) '$(DESTDIR)$(docdir)/'
	$(INSTALL_DATA) completion/kgraph.bash '$(DESTDIR)$(bashcompletiondir)/kgraph'
	$(INSTALL_DATA) src/schema.json '$(DESTDIR)$(kgraphdatadir)/schema.json'
	$(INSTALL_DATA) $(MODELS:%=models/%) '$(DESTDIR)$(kgraphdatadir)/models/'

install-strip:
	$(MAKE) INSTALL_PROGRAM='$(INSTALL_PROGRAM) -s' install

uninstall:
	rm -f '$(DESTDIR)$(bindir)/kgraph'
	for page in $(MAN1); do rm -f '$(DESTDIR)$(man1dir)/'$$page; done
	for page in $(MAN5); do rm -f '$(DESTDIR)$(man5dir)/'$$page; done
	for doc in $(DOCS); do rm -f '$(DESTDIR)$(docdir)/'$$doc; done
	rm -f '$(DESTDIR)$(bashcompletiondir)/kgraph'
	rm -f '$(DESTDIR)$(kgraphdatadir)/schema.json'
	for model in $(MODELS); do \
		rm -f '$(DESTDIR)$(kgraphdatadir)/models/'$$model; done
	rmdir '$(DESTDIR)$(kgraphdatadir)/models' '$(DESTDIR)$(kgraphdatadir)' 2>/dev/null || true
	rmdir '$(DESTDIR)$(docdir)' 2>/dev/null || true
