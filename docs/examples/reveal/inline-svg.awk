# Copy an HTML page, replacing each line that holds a comment
#     <!-- kgraph-svg: FILE -->
# with FILE's <svg> element: everything from its "<svg" line on, so that the
# XML declaration, the DOCTYPE and Graphviz's header comment are left out.
# FILE is relative to the directory given as -v dir=DIR.
#
#   awk -v dir=build/examples -f inline-svg.awk deck.html > out.html

match($0, /<!-- kgraph-svg: [^ ]+ -->/) {
	file = substr($0, RSTART + 17, RLENGTH - 21)
	path = dir "/" file
	on = 0
	n = 0
	while ((getline line < path) > 0) {
		if (line ~ /^<svg/)
			on = 1
		if (on) {
			print line
			n++
		}
	}
	close(path)
	if (n == 0) {
		print "inline-svg.awk: no <svg> element in " path > "/dev/stderr"
		failed = 1
		exit 1
	}
	next
}
{ print }
END { if (failed) exit 1 }
