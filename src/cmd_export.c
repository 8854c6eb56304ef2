/* kgraph export: the resolved model as JSON, or a view's graph before
 * layout as dot. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "export_csl.h"
#include "json.h"
#include "output.h"

int
cmd_export(int argc, char **argv)
{
	draw_options d;
	const char *model_path;
	const item *mv = NULL;
	model *m;
	selection sel;
	buf out = {0};
	char err[2048];
	bool dot = false, csl = false;
	kgraph_status st;
	int rc;

	if ((rc = parse_draw(argc, argv, "export", NULL, &d)) >= 0)
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
			    "from '%s'; give -T json, -T csl-json or -T dot",
			    d.out_path);
	}
	if (d.format != NULL && strcmp(d.format, "dot") == 0)
		dot = true;
	else if (d.format != NULL && strcmp(d.format, "csl-json") == 0)
		csl = true;
	else if (d.format != NULL && strcmp(d.format, "json") != 0)
		return usage_error("export", "unknown format '%s'; export "
		    "writes json, csl-json or dot (render writes the "
		    "pictures)", d.format);
	model_path = model_or_default(optind < argc ? argv[optind] : NULL);
	if ((m = open_model(model_path, d.strict, false, &d.term, NULL,
	    &rc)) == NULL)
		return rc;
	if (dot) {
		/* The graph of a view (default overview) before layout, as
		 * render -T dot writes it. */
		rc = draw_view(m, model_path, &d, d.view ? d.view : "overview",
		    FMT_DOT, d.out_path, NULL);
		model_free(m);
		return rc;
	}
	if (d.view != NULL) {
		const char *base;

		if (!kgraph_view(m, d.view, &base, &mv)) {
			rc = unknown_view("export", m, d.view);
			model_free(m);
			return rc;
		}
	}
	/* The json of a selection needs no graph: it is written from the
	 * model. */
	if ((st = kgraph_select(m, mv, &d.f, &sel, err, sizeof(err))) !=
	    KGRAPH_OK) {
		rc = stage_error("export", st, err);
		model_free(m);
		return rc;
	}
	if (csl)
		export_csl(&out, m, &sel);
	else
		json_model(&out, m, &sel);
	rc = write_output("export", d.out_path, &out, model_path);
	buf_free(&out);
	sel_free(&sel);
	model_free(m);
	return rc;
}
