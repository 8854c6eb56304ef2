# bash completion for kgraph: commands, options, option values, model
# files, and the ids of the model in use (views, phases, actors, groups,
# questions, items), which come from `kgraph list MODEL WHAT` run in a pipe.
# Installed as $(datadir)/bash-completion/completions/kgraph; without the
# bash-completion package, source it from ~/.bashrc.

_kgraph_commands="render deck check list export schema init"
_kgraph_list_whats="views phases actors groups questions events decisions causes sources"

# The options of each command, and those of them that take a value.
_kgraph_filter_opts="--phase --since --until --actor --group --kind --tag
	--evidence --focus --depth"
_kgraph_diag_opts="-q --quiet --color --strict"
_kgraph_opts_render="-o --output -T --format --view --question --steps
	--reveal --all --watch --timeout $_kgraph_filter_opts --theme --direction --lanes
	--font --font-size --wrap --title --no-title --no-legend --no-citations
	--cite-style -j --jobs --page --transparent --id-prefix $_kgraph_diag_opts -h
	--help"
_kgraph_opts_export="-T --format -o --output --view $_kgraph_filter_opts
	$_kgraph_diag_opts -h --help"
_kgraph_opts_deck="-o --output --view $_kgraph_filter_opts --page --steps
	--theme --cite-style --timeout -j --jobs $_kgraph_diag_opts -h --help"
_kgraph_opts_check="$_kgraph_diag_opts -h --help"
_kgraph_opts_list="-q --quiet --color --cite-style -h --help"
_kgraph_opts_schema="-o --output -h --help"
_kgraph_opts_init="-h --help"
_kgraph_valued_opts=" -o --output -T --format --view --question --reveal
	--phase --since --until --actor --group --kind --tag --evidence --focus
	--depth --theme --direction --lanes --font --font-size --wrap --title
	--id-prefix --color --timeout --cite-style -j --jobs --page "

# _kgraph_takes_value OPTION: whether OPTION is followed by its value.
_kgraph_takes_value()
{
	[[ $_kgraph_valued_opts == *[[:space:]]"$1"[[:space:]]* ]]
}

# _kgraph_skip_value: with $word the option at COMP_WORDS[i], moves i
# past its value, if it takes one: `--view ID` or `--view = ID` (bash
# splits `--view=ID` so).
_kgraph_skip_value()
{
	_kgraph_takes_value "$word" || return 0
	if [[ ${COMP_WORDS[i + 1]-} == = ]]; then
		((i += 2))
	else
		((i += 1))
	fi
}

# _kgraph_model: prints the model the command line names: the first word
# after the command that is not an option or an option's value, if it is
# an existing file; prints nothing otherwise (kgraph then reads
# ./kgraph.yaml or its built-in model, as `kgraph list` does too).
_kgraph_model()
{
	local i word
	for ((i = 2; i < ${#COMP_WORDS[@]}; i++)); do
		((i == COMP_CWORD)) && continue
		word=${COMP_WORDS[i]}
		case $word in
		--*=*) continue ;;
		-?*)
			_kgraph_skip_value
			continue
			;;
		esac
		[[ $word == "~/"* ]] && word=$HOME/${word#"~/"}
		[[ -f $word ]] && printf '%s\n' "$word"
		return
	done
}

# _kgraph_ids WHAT...: prints the ids of the model in use, one per line,
# from `kgraph list [MODEL] WHAT`. Its first line names the model; then
# each row has the id first, fields separated by TABs when piped (or by
# runs of spaces, on older versions: ids have no spaces, so splitting on
# both serves either). A phase's row starts with its number, then its id:
# both are given.
_kgraph_ids()
{
	local what model kgraph=${COMP_WORDS[0]} first second rest
	[[ $kgraph == "~/"* ]] && kgraph=$HOME/${kgraph#"~/"}
	model=$(_kgraph_model)
	for what in "$@"; do
		"$kgraph" list ${model:+"$model"} "$what" 2>/dev/null </dev/null |
		{
			IFS= read -r first || return
			while IFS=$'\t ' read -r first second rest; do
				[[ -n $first ]] || continue
				printf '%s\n' "$first"
				[[ $what == phases && -n $second ]] &&
					printf '%s\n' "$second"
			done
		}
	done
}

# _kgraph_reply_list WORDS CUR: completes CUR from WORDS; in a list value
# such as `--actor kim,st` or `--phase 1..pre`, only the part after the
# last ',' or '..' is completed.
_kgraph_reply_list()
{
	local words=$1 cur=$2 head= w
	if [[ $cur == *[,.]* ]]; then
		head=${cur%"${cur##*[,.]}"}
		cur=${cur##*[,.]}
	fi
	COMPREPLY=()
	for w in $words; do
		[[ $w == "$cur"* ]] && COMPREPLY+=("$head$w")
	done
	[[ -n $head ]] && compopt -o nospace 2>/dev/null
	return 0
}

# _kgraph_reply_words WORDS CUR: completes CUR from WORDS.
_kgraph_reply_words()
{
	local w
	COMPREPLY=()
	for w in $1; do
		[[ $w == "$2"* ]] && COMPREPLY+=("$w")
	done
}

# _kgraph_reply_words_add WORDS CUR: adds the words of WORDS that start
# with CUR to COMPREPLY.
_kgraph_reply_words_add()
{
	local w
	for w in $1; do
		[[ $w == "$2"* ]] && COMPREPLY+=("$w")
	done
}

# _kgraph_reply_files CUR [yaml]: file names (with yaml: folders and
# .yaml and .yml files only).
_kgraph_reply_files()
{
	local f
	COMPREPLY=()
	compopt -o filenames 2>/dev/null
	while IFS= read -r f; do
		if [[ ${2-} != yaml || -d $f || $f == *.yaml || $f == *.yml ]]; then
			COMPREPLY+=("$f")
		fi
	done < <(compgen -f -- "$1")
}

# _kgraph_value OPTION CUR: completes the value of OPTION (of the command
# $cmd of _kgraph, which calls it); returns 1 if OPTION takes no value.
_kgraph_value()
{
	case $1 in
	-o | --output) _kgraph_reply_files "$2" ;;
	-T | --format)
		if [[ $cmd == export ]]; then
			_kgraph_reply_words "json dot" "$2"
		else
			_kgraph_reply_words "svg pdf png dot json html" "$2"
		fi
		;;
	--theme) _kgraph_reply_words "light dark print contrast" "$2" ;;
	--reveal) _kgraph_reply_words "hide dim" "$2" ;;
	--cite-style)
		_kgraph_reply_words "chicago-notes chicago-author-date" "$2"
		;;
	--page)
		_kgraph_reply_words "16:9 4:3 a4 a3 letter 16:9-portrait
			4:3-portrait a4-portrait a3-portrait letter-portrait" "$2"
		;;
	--direction) _kgraph_reply_words "TB LR BT RL" "$2" ;;
	--lanes) _kgraph_reply_words "group actor none" "$2" ;;
	--evidence) _kgraph_reply_words "inferred reported documented" "$2" ;;
	--color) _kgraph_reply_words "auto always never" "$2" ;;
	--kind)
		_kgraph_reply_list "event decision cause reason argument
			objection fear condition conclusion" "$2"
		;;
	--view) _kgraph_reply_words "$(_kgraph_ids views)" "$2" ;;
	--question) _kgraph_reply_words "$(_kgraph_ids questions)" "$2" ;;
	--phase) _kgraph_reply_list "$(_kgraph_ids phases)" "$2" ;;
	--actor) _kgraph_reply_list "$(_kgraph_ids actors)" "$2" ;;
	--group) _kgraph_reply_list "$(_kgraph_ids groups)" "$2" ;;
	--focus)
		_kgraph_reply_words "$(_kgraph_ids events decisions causes)" "$2"
		;;
	--since | --until | --tag | --depth | --font | --font-size | --wrap | \
	--title | --id-prefix)
		COMPREPLY=()
		;;
	*) return 1 ;;
	esac
	return 0
}

_kgraph()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd=${COMP_WORDS[1]-} opts
	local i npos=0 word
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()

	if ((COMP_CWORD == 1)); then
		if [[ $cur == -* ]]; then
			_kgraph_reply_words "-h --help --version" "$cur"
		else
			_kgraph_reply_words "$_kgraph_commands" "$cur"
		fi
		return 0
	fi
	case $cmd in
	render | deck | export | check | list | schema | init) ;;
	*) return 0 ;;
	esac

	# An option's value: `--theme d`, `--theme=d` (which bash splits
	# into --theme, = and d), or `--theme=d` as one word.
	if [[ $cur == = ]] && [[ $prev == -* ]]; then
		_kgraph_value "$prev" "" && return 0
	elif [[ $prev == = ]] && ((COMP_CWORD > 2)); then
		_kgraph_value "${COMP_WORDS[COMP_CWORD - 2]}" "$cur" && return 0
	elif [[ $cur == --*=* ]]; then
		local opt=${cur%%=*}
		if _kgraph_value "$opt" "${cur#*=}"; then
			for i in "${!COMPREPLY[@]}"; do
				COMPREPLY[i]=$opt=${COMPREPLY[i]}
			done
			return 0
		fi
	elif [[ $prev == -* ]] && _kgraph_takes_value "$prev"; then
		_kgraph_value "$prev" "$cur"
		return 0
	fi

	if [[ $cur == -* ]]; then
		opts=_kgraph_opts_$cmd
		_kgraph_reply_words "${!opts}" "$cur"
		return 0
	fi

	# A word that is not an option: count the ones before it.
	for ((i = 2; i < COMP_CWORD; i++)); do
		word=${COMP_WORDS[i]}
		case $word in
		--*=*) ;;
		-?*) _kgraph_skip_value ;;
		*) ((npos++)) ;;
		esac
	done
	case $cmd in
	render | deck | export | check)
		((npos == 0)) && _kgraph_reply_files "$cur" yaml
		;;
	list)
		if ((npos == 0)); then
			_kgraph_reply_files "$cur" yaml
			_kgraph_reply_words_add "$_kgraph_list_whats" "$cur"
		elif ((npos == 1)) && [[ -n $(_kgraph_model) ]]; then
			_kgraph_reply_words "$_kgraph_list_whats" "$cur"
		fi
		;;
	init)
		((npos == 0)) && _kgraph_reply_files "$cur" yaml
		;;
	esac
	return 0
}

complete -F _kgraph kgraph
