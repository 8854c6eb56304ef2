// The gvpr program of tests/render.sh: every visible node and edge of a
// graph, and any url or file-reading attribute, one a line.
BEG_G { if ($G.stylesheet != "" || $G.imagepath != "" || $G.fontpath != "") print("X graph reads files"); }
N [style != "invis"] { print("N ", $.name); }
E [style != "invis"] { print("E ", $.tail.name, "->", $.head.name); }
N { if ($.image != "" || $.shapefile != "") print("X node ", $.name, " reads a file");
    if ($.URL != "") print("U ", $.URL); if ($.href != "") print("U ", $.href); }
E { if ($.URL != "") print("U ", $.URL); if ($.href != "") print("U ", $.href); }
