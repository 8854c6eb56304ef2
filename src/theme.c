#include "theme.h"

#include "model.h"

/* In the order in which the model's model_themes names them. */
static const theme themes[] = {
	{
		/* light */
		true, "#ffffff", "#1a1a1a", "#5f5f5f", "#404040",
		"#f4f4f4", "#f7f7f5", "#b8b8b8", "#c0392b", "#1e7b34",
		{"#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1",
		    "#76b7b2", "#edc948", "#9c755f"},
		{"#dbe4ee", "#f8d9d9", "#dcebd9", "#fce4cc", "#ece1ea",
		    "#e0efee", "#fbf3d6", "#eae2dc"},
	},
	{
		/* dark */
		true, "#1e1f22", "#eeeeee", "#b0b0b0", "#c8c8c8",
		"#34363a", "#27292d", "#5a5d63", "#ff7b72", "#7ee787",
		{"#79a6d6", "#ff8a8c", "#86c97c", "#ffb36b", "#d3a6cb",
		    "#9fd6d1", "#f5d76e", "#c9a38c"},
		{"#2a3a4d", "#4d2a2c", "#2c4229", "#4d3720", "#40303e",
		    "#26403e", "#4a4224", "#3f342d"},
	},
	{
		/* print: greys only, whatever the model's colours */
		false, "#ffffff", "#000000", "#444444", "#000000",
		"#ffffff", "#ffffff", "#777777", "#000000", "#000000",
		{"#000000", "#333333", "#555555", "#777777", "#000000",
		    "#333333", "#555555", "#777777"},
		{"#ffffff", "#ebebeb", "#d6d6d6", "#c2c2c2", "#f5f5f5",
		    "#e0e0e0", "#cccccc", "#b8b8b8"},
	},
	{
		/* contrast: Okabe-Ito, with strong text contrast. */
		true, "#ffffff", "#000000", "#333333", "#000000",
		"#ffffff", "#ffffff", "#000000", "#d55e00", "#009e73",
		{"#0072b2", "#d55e00", "#009e73", "#e69f00", "#cc79a7",
		    "#56b4e9", "#f0e442", "#000000"},
		{"#cce3f0", "#f7dfcc", "#cceee3", "#faeccc", "#f5e4ed",
		    "#ddf0fb", "#fcf9d9", "#e6e6e6"},
	},
};

#define NTHEMES (sizeof(themes) / sizeof(themes[0]))

const theme *
theme_find(const char *name)
{
	int i = model_lookup(model_themes, name);

	return i >= 0 && (size_t)i < NTHEMES ? &themes[i] : NULL;
}

const char *
theme_name(const theme *th)
{
	return model_themes[th - themes];
}
