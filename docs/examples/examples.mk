# kgraph diagrams in lecture slides: the examples of docs/lectures.md.
#
#   make examples        build every example into build/examples/
#   make examples-deps   install the Debian packages they use (as root)
#
# `make examples` is not part of `make test`. It installs the npm packages
# of docs/examples/package.json (reveal.js, Marp CLI, playwright-core) into
# build/examples/node_modules, which needs the network, and says so first.
# An example whose tool is missing is skipped with a message that names the
# Debian package to install. Nothing under build/ is committed.

EX = build/examples
EXD = docs/examples
EX_CHROME ?= /usr/bin/chromium
# LibreOffice with a profile of its own, so that a running LibreOffice, or
# the user's settings, play no part.
EX_SOFFICE = soffice -env:UserInstallation=file://$(abspath $(EX))/lo-profile --headless
EX_HAVE_TEX = command -v pdflatex >/dev/null 2>&1 && kpsewhich beamer.cls pgf.sty >/dev/null 2>&1

.PHONY: examples examples-deps examples-reveal examples-beamer examples-marp examples-pptx

examples: examples-reveal examples-beamer examples-marp examples-pptx
	@echo "examples: done: the results are in $(EX)/, screenshots and pages as PNG in $(EX)/shots/"

# The Debian packages of the examples; nodejs and npm only where no npm is
# installed (a Node.js from elsewhere brings its own npm).
examples-deps:
	@pkgs="chromium texlive-latex-base texlive-latex-recommended texlive-pictures libreoffice-impress poppler-utils python3"; \
	command -v npm >/dev/null 2>&1 || pkgs="nodejs npm $$pkgs"; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "examples-deps: installing from Debian (needs the network): $$pkgs"; \
		apt-get install -y --no-install-recommends $$pkgs; \
	else \
		echo "examples-deps: as root, run: apt-get install --no-install-recommends $$pkgs"; \
		exit 1; \
	fi

# The npm packages. Without npm, or when the install fails (no network),
# the reveal.js and Marp examples are skipped; the next run tries again.
$(EX)/npm.stamp: $(EXD)/package.json
	@mkdir -p $(EX)
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "examples: npm is missing (Debian: apt-get install nodejs npm): reveal.js and Marp are skipped"; \
	else \
		echo "examples: installing reveal.js, Marp CLI and playwright-core from the npm registry into $(EX)/node_modules (needs the network)"; \
		cp $(EXD)/package.json $(EX)/package.json; \
		if (cd $(EX) && npm install --no-audit --no-fund --loglevel=error); then \
			touch $@; \
		else \
			echo "examples: npm install failed (is the npm registry reachable?): reveal.js and Marp are skipped"; \
		fi; \
	fi

# 1. reveal.js: one SVG inlined in the deck, its steps made fragments.
# The last step of --steps holds every element, each with its step-N class.
$(EX)/reveal/deck.html: $(EXD)/reveal/deck.html $(EXD)/reveal/inline-svg.awk kgraph
	@mkdir -p $(EX)/reveal
	rm -f $(EX)/reveal/*.svg
	./kgraph render --view causes --steps -o $(EX)/reveal/causes.svg
	./kgraph render --view timeline --steps --id-prefix tl- -o $(EX)/reveal/timeline.svg
	cp "$$(ls $(EX)/reveal/causes-*.svg | sort -V | tail -n 1)" $(EX)/reveal/causes.svg
	cp "$$(ls $(EX)/reveal/timeline-*.svg | sort -V | tail -n 1)" $(EX)/reveal/timeline.svg
	awk -v dir=$(EX) -f $(EXD)/reveal/inline-svg.awk $(EXD)/reveal/deck.html > $@.tmp
	mv $@.tmp $@

examples-reveal: kgraph $(EX)/npm.stamp
	@if [ ! -f $(EX)/npm.stamp ]; then \
		echo "examples: skipped reveal.js (its npm package is not installed)"; exit 0; fi; \
	$(MAKE) --no-print-directory $(EX)/reveal/deck.html || exit 1; \
	echo "examples: wrote $(EX)/reveal/deck.html"; \
	if [ ! -x "$(EX_CHROME)" ]; then \
		echo "examples: $(EX_CHROME) is missing (Debian: apt-get install chromium): the deck is not checked"; exit 0; fi; \
	echo "examples: checking the deck in headless Chromium; screenshots in $(EX)/shots/"; \
	cp $(EXD)/reveal/check-deck.mjs $(EX)/ && \
	cd $(EX) && CHROME_PATH=$(EX_CHROME) node check-deck.mjs reveal/deck.html shots

# 2. LaTeX Beamer: the PDF steps, one per overlay.
$(EX)/beamer/slides.pdf: $(EXD)/beamer/slides.tex kgraph
	@mkdir -p $(EX)/beamer
	rm -f $(EX)/beamer/causes-*.pdf
	./kgraph render --view causes --steps -T pdf -o $(EX)/beamer/causes.pdf
	cp $(EXD)/beamer/slides.tex $(EX)/beamer/
	@# twice, so that the navigation data of the first run is read back
	cd $(EX)/beamer && for run in 1 2; do \
		pdflatex -interaction=nonstopmode -halt-on-error slides.tex > pdflatex.log 2>&1 || \
		{ tail -n 20 pdflatex.log; echo "examples: pdflatex failed; see $(EX)/beamer/pdflatex.log"; exit 1; }; \
	done

examples-beamer: kgraph
	@if ! $(EX_HAVE_TEX); then \
		echo "examples: skipped Beamer: pdflatex or beamer is missing (Debian: apt-get install texlive-latex-base texlive-latex-recommended texlive-pictures)"; \
		exit 0; fi; \
	$(MAKE) --no-print-directory $(EX)/beamer/slides.pdf || exit 1; \
	echo "examples: wrote $(EX)/beamer/slides.pdf"; \
	if command -v pdftoppm >/dev/null 2>&1; then \
		mkdir -p $(EX)/shots && rm -f $(EX)/shots/beamer-*.png && \
		pdftoppm -r 150 -png $(EX)/beamer/slides.pdf $(EX)/shots/beamer && \
		echo "examples: Beamer pages as PNG in $(EX)/shots/beamer-*.png"; fi

# 3. Marp: Markdown, one step SVG per slide; HTML, and PDF with Chromium.
$(EX)/marp/slides.html: $(EXD)/marp/slides.md kgraph
	@mkdir -p $(EX)/marp
	rm -f $(EX)/marp/causes-*.svg
	./kgraph render --view causes --steps -o $(EX)/marp/causes.svg
	cp $(EXD)/marp/slides.md $(EX)/marp/
	cd $(EX)/marp && ../node_modules/.bin/marp --no-stdin slides.md -o slides.html

$(EX)/marp/slides.pdf: $(EX)/marp/slides.html
	cd $(EX)/marp && CHROME_PATH=$(EX_CHROME) ../node_modules/.bin/marp --no-stdin \
		--pdf --allow-local-files slides.md -o slides.pdf

examples-marp: kgraph $(EX)/npm.stamp
	@if [ ! -f $(EX)/npm.stamp ]; then \
		echo "examples: skipped Marp (its npm package is not installed)"; exit 0; fi; \
	$(MAKE) --no-print-directory $(EX)/marp/slides.html || exit 1; \
	echo "examples: wrote $(EX)/marp/slides.html"; \
	if [ ! -x "$(EX_CHROME)" ]; then \
		echo "examples: $(EX_CHROME) is missing (Debian: apt-get install chromium): no Marp PDF"; exit 0; fi; \
	$(MAKE) --no-print-directory $(EX)/marp/slides.pdf EX_CHROME=$(EX_CHROME) || exit 1; \
	echo "examples: wrote $(EX)/marp/slides.pdf"; \
	if command -v pdftoppm >/dev/null 2>&1; then \
		mkdir -p $(EX)/shots && rm -f $(EX)/shots/marp-*.png && \
		pdftoppm -r 100 -png $(EX)/marp/slides.pdf $(EX)/shots/marp && \
		echo "examples: Marp pages as PNG in $(EX)/shots/marp-*.png"; fi

# 4. PowerPoint and Impress: one slide per step PNG, all in one place.
# An .fodp (flat ODF, written by a Python script) that LibreOffice turns
# into .pptx and .odp; the .pptx is checked, then converted back to PDF.
$(EX)/impress/slides.fodp: $(EXD)/impress/make-fodp.py kgraph
	@mkdir -p $(EX)/impress
	rm -f $(EX)/impress/causes-*.png
	./kgraph render --view causes --steps -T png -o $(EX)/impress/causes.png
	python3 $(EXD)/impress/make-fodp.py $@ "Causes, phase by phase" \
		$$(ls $(EX)/impress/causes-*.png | sort -V)

$(EX)/impress/slides.pptx: $(EX)/impress/slides.fodp $(EXD)/impress/check-pptx.py
	rm -f $@ $(EX)/impress/slides.odp $(EX)/impress/from-pptx/slides.pdf
	$(EX_SOFFICE) --convert-to pptx --outdir $(EX)/impress $<
	$(EX_SOFFICE) --convert-to odp --outdir $(EX)/impress $<
	@test -s $@ && test -s $(EX)/impress/slides.odp || \
		{ echo "examples: LibreOffice wrote no slides.pptx or slides.odp"; exit 1; }
	python3 $(EXD)/impress/check-pptx.py $@ $$(ls $(EX)/impress/causes-*.png | sort -V)
	$(EX_SOFFICE) --convert-to pdf --outdir $(EX)/impress/from-pptx $@
	@test -s $(EX)/impress/from-pptx/slides.pdf || \
		{ echo "examples: LibreOffice could not turn slides.pptx into PDF"; exit 1; }

examples-pptx: kgraph
	@if ! command -v python3 >/dev/null 2>&1; then \
		echo "examples: skipped PowerPoint/Impress: python3 is missing (Debian: apt-get install python3)"; exit 0; fi; \
	$(MAKE) --no-print-directory $(EX)/impress/slides.fodp || exit 1; \
	echo "examples: wrote $(EX)/impress/slides.fodp"; \
	if ! command -v soffice >/dev/null 2>&1; then \
		echo "examples: skipped .pptx and .odp: LibreOffice is missing (Debian: apt-get install libreoffice-impress)"; exit 0; fi; \
	$(MAKE) --no-print-directory $(EX)/impress/slides.pptx || exit 1; \
	echo "examples: wrote $(EX)/impress/slides.pptx and slides.odp"; \
	if command -v pdftoppm >/dev/null 2>&1; then \
		mkdir -p $(EX)/shots && rm -f $(EX)/shots/pptx-*.png && \
		pdftoppm -r 100 -png $(EX)/impress/from-pptx/slides.pdf $(EX)/shots/pptx && \
		echo "examples: the .pptx as LibreOffice shows it, in $(EX)/shots/pptx-*.png"; fi
