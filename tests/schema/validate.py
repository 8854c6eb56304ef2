#!/usr/bin/python3
r"""Validate kgraph models (YAML) against the kgraph JSON Schema (draft 2020-12).

Usage:
  validate.py SCHEMA FILE...
      Print "FILE: valid" or "FILE: invalid: PATH: MESSAGE" (the most relevant
      error) for each file. Exit 0; exit 2 if a file cannot be read or parsed,
      or on a usage error.

  validate.py SCHEMA [--expect-valid] FILE... [--expect-invalid] FILE...
      Each flag sets the expectation for the files after it. Print one line
      per file, "ok: FILE: ..." or "FAIL: FILE: ...", and exit 1 if any
      expectation fails (2 on a usage error). A file expected to be invalid
      may contain a comment line

          # expect: PATH KEYWORDS

      and then every error the schema reports must be at instance location
      PATH (a JSON pointer, "/" for the top level), and the schema keywords
      that fail there must be exactly KEYWORDS (comma-separated: required,
      additionalProperties, pattern, enum, anyOf, type,enum, ...), so that
      the file fails for its intended reason only.

The schema is checked with Draft202012Validator.check_schema first.

How YAML is read: the way an editor with yaml-language-server reads it, with
the YAML 1.2 core schema, not the YAML 1.1 rules of PyYAML's SafeLoader
(kgraph itself reads every scalar as a string; the schema is written for what
an editor sees). The loader below is a SafeLoader subclass whose implicit
resolvers are replaced by those of the 1.2 core schema:
  - null:  ~, null, Null, NULL and the empty scalar;
  - bool:  true, True, TRUE, false, False, FALSE only (yes, no, on, off, y, n
           stay strings);
  - int:   [-+]?[0-9]+, 0o[0-7]+, 0x[0-9a-fA-F]+ (no 1.1 forms: 0b, 1_000,
           sexagesimal 1:20, octal 017 - 017 is decimal 17);
  - float: [-+]?(.[0-9]+|[0-9]+(.[0-9]*)?)([eE][-+]?[0-9]+)?, .inf, .nan;
  - no timestamp resolver (1949-03-05 stays a string), no merge key
    resolver (<< is an ordinary key, which the schema rejects as kgraph
    does), no value (=) resolver.
So "date: 1949-03-05" is the string "1949-03-05", "date: 1949" the integer
1949, and "name: no" the string "no". Explicit tags (!!str, ...) still work.
Mapping keys are turned into strings, as in JSON.

Patterns: JSON Schema patterns are ECMA-262 regular expressions, in which $
matches only at the end of the string; in Python's re it also matches before
a final newline, so "stalin\n" would pass ^[a-z0-9][a-z0-9_-]*$. The pattern
keyword is therefore checked with every $ (outside a character class)
turned into \Z.
"""

import json
import math
import re
import sys

import jsonschema
import yaml


# libyaml's parser where PyYAML has it (Debian's does): the pure-Python one
# refuses valid flow scalars such as "{ title: Why? }".
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Yaml12CoreLoader(_BaseLoader):
    """A SafeLoader with the implicit resolvers of the YAML 1.2 core schema."""


Yaml12CoreLoader.yaml_implicit_resolvers = {}

Yaml12CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null",
    re.compile(r"^(?:~|null|Null|NULL|)$"),
    ["~", "n", "N", ""])
Yaml12CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))
Yaml12CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
Yaml12CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))


def _construct_bool(loader, node):
    return loader.construct_scalar(node) in ("true", "True", "TRUE")


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_float(loader, node):
    text = loader.construct_scalar(node)
    lower = text.lower()
    if lower in (".inf", "+.inf"):
        return math.inf
    if lower == "-.inf":
        return -math.inf
    if lower == ".nan":
        return math.nan
    return float(text)


Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
Yaml12CoreLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def ecma_anchors(pattern):
    """The pattern with each unescaped $ outside [...] turned into \\Z."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
        elif c == "$":
            c = "\\Z"
        out.append(c)
        i += 1
    return "".join(out)


_compiled = {}


def ecma_pattern(validator, pattern, instance, schema):
    if not validator.is_type(instance, "string"):
        return
    if pattern not in _compiled:
        _compiled[pattern] = re.compile(ecma_anchors(pattern))
    if not _compiled[pattern].search(instance):
        yield jsonschema.ValidationError(
            "%r does not match %r" % (instance, pattern))


Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, {"pattern": ecma_pattern})


def _key(k):
    if isinstance(k, str):
        return k
    if k is None:
        return "null"
    if isinstance(k, bool):
        return "true" if k else "false"
    return str(k)


def jsonify(value):
    """Turn mapping keys into strings, recursively, as JSON requires."""
    if isinstance(value, dict):
        return {_key(k): jsonify(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonify(v) for v in value]
    return value


def pointer(path):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1")
                          for p in path)


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    return jsonify(yaml.load(data, Loader=Yaml12CoreLoader))


def expectation(path):
    """(PATH, {KEYWORD, ...}) of a "# expect: PATH KEYWORDS" line, or None."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^#\s*expect:\s*(\S+)\s+(\S+)\s*$", line)
            if m:
                return m.group(1), set(m.group(2).split(","))
    return None


def main(argv):
    if len(argv) < 2 or argv[0].startswith("-"):
        sys.stderr.write(
            "usage: validate.py SCHEMA [--expect-valid|--expect-invalid] "
            "FILE...\n")
        return 2
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = Validator(schema)

    expect = None          # None: plain mode; else "valid" / "invalid"
    checking = False
    failures = 0
    broken = 0
    files = 0
    for arg in argv[1:]:
        if arg == "--expect-valid":
            expect, checking = "valid", True
            continue
        if arg == "--expect-invalid":
            expect, checking = "invalid", True
            continue
        if arg.startswith("--"):
            sys.stderr.write("validate.py: unknown option %s\n" % arg)
            return 2
        files += 1
        try:
            doc = load(arg)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            msg = " ".join(str(e).split())
            print("%s%s: error: %s" % ("FAIL: " if checking else "", arg, msg))
            broken += 1
            continue
        errors = list(validator.iter_errors(doc))
        if errors:
            best = jsonschema.exceptions.best_match(errors)
            result = "invalid: %s: %s" % (pointer(best.absolute_path),
                                          best.message)
        else:
            result = "valid"
        if not checking:
            print("%s: %s" % (arg, result))
            continue
        problem = None
        if expect == "valid" and errors:
            problem = "expected valid"
        elif expect == "invalid" and not errors:
            problem = "expected invalid"
        elif expect == "invalid":
            want = expectation(arg)
            if want:
                paths = {pointer(e.absolute_path) for e in errors}
                keywords = {e.validator for e in errors}
                if paths != {want[0]} or keywords != want[1]:
                    problem = "expected errors at %s from %s only, got %s" % (
                        want[0], ",".join(sorted(want[1])),
                        ", ".join(sorted("%s from %s" % (
                            pointer(e.absolute_path), e.validator)
                            for e in errors)))
        if problem:
            failures += 1
            print("FAIL: %s: %s (%s)" % (arg, result, problem))
        else:
            print("ok: %s: %s" % (arg, result))
    if files == 0:
        sys.stderr.write("validate.py: no files\n")
        return 2
    if checking:
        return 1 if failures or broken else 0
    return 2 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
