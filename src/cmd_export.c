/* kgraph export: the resolved model as JSON, or a view's graph before
 * layout as dot. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "output.h"

int
cmd_export(int argc, char **argv)
{
	draw_options d;
	session s;
	selection sel;
	buf out = {0};
	char err[2048];
	bool dot = false;
	int rc;

	if ((rc = parse_draw(argc, argv, false, &d)) >= 0)
		return rc;
	if (d.format == NULL && d.out_path != NULL) {
		const char *ext = strrchr(d.out_path, '.');

		if (ext != NULL && (strcmp(ext, ".dot") == 0 ||
		    strcmp(ext, ".gv") == 0))
			dot = true;
		else if (ext != NULL && strcmp(ext, ".json") != 0 &&
		    strchr(ext, '/') == NULL && !output_same_file(d.out_path,
		    optind < argc ? argv[optind] : NULL))
			return usage_error("export", "cannot tell a format "
			    "from '%s'; give -T json or -T dot", d.out_path);
	}
	if (d.format != NULL && strcmp(d.format, "dot") == 0)
		dot = true;
	else if (d.format != NULL && strcmp(d.format, "json") != 0)
		return usage_error("export", "unknown format '%s'; export "
		    "writes json or dot (render writes the pictures)",
		    d.format);
	rc = session_open(&s, optind < argc ? argv[optind] : NULL, d.strict,
	    false, &d.term);
	if (rc != 0) {
		session_close(&s);
		return rc;
	}
	if (dot) {
		/* The graph of a view (default overview) before layout, as
		 * render -T dot writes it. */
		rc = draw_view(&s, &d, d.view ? d.view : "overview", FMT_DOT,
		    d.out_path);
		session_close(&s);
		return rc;
	}
	if (d.view != NULL) {
		const char *base;
		const item *mv;

		if (!find_view(s.model, d.view, &base, &mv)) {
			rc = unknown_view("export", s.model, d.view);
			session_close(&s);
			return rc;
		}
		if (mv != NULL)
			sel_from_view(mv, &d.f, s.model->arena);
	}
	if (!sel_apply(s.model, &d.f, &sel, err, sizeof(err))) {
		rc = usage_error("export", "%s", err);
		session_close(&s);
		return rc;
	}
	json_model(&out, s.model, &sel);
	rc = write_output("export", d.out_path, &out, &s);
	buf_free(&out);
	sel_free(&sel);
	session_close(&s);
	return rc;
}
