#!/usr/bin/python3
"""Report a model's schema errors at their YAML lines, as an editor would.

Usage:
  lines.py SCHEMA FILE

Validates FILE against SCHEMA with tests/schema/validate.py (its YAML 1.2
core loader, the loader yaml-language-server's reading follows, and its
ECMA-262 patterns) and prints each error as

    LINE:COL: MESSAGE

(1-based, in the order of their positions), where yaml-language-server
puts its diagnostics: an unknown key at the key ("Property K is not
allowed."), a missing key at the start of its mapping ('Missing property
"K".'), any other error at the start of the value that breaks the rule. A
YAML syntax error is printed at its position too. The position is found by
composing FILE with the same loader (yaml.compose keeps each node's start
mark) and following the error's instance path through the nodes.

Exit status: 0 (whatever was found), 2 if a file cannot be read or on a
usage error. For the editor test when yaml-language-server cannot be had.
"""

import json
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "schema"))
import validate  # noqa: E402  (tests/schema/validate.py)


def key_text(loader, node):
    """A mapping key node as the string JSON gives it (validate.jsonify)."""
    return validate._key(loader.construct_object(node, deep=True))


def children(loader, node):
    """(name, key node, value node) of a mapping node's entries."""
    return [(key_text(loader, k), k, v) for k, v in node.value]


def find(loader, root, path):
    """The node at a JSON instance path, or the deepest one on the way."""
    node = root
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for name, _, value in children(loader, node):
                if name == str(step):
                    node = value
                    break
            else:
                return node
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) \
                and step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node


def allowed(schema, name):
    """Whether an object schema's properties or patternProperties take name."""
    if name in schema.get("properties", {}):
        return True
    return any(re.search(validate.ecma_anchors(p), name)
               for p in schema.get("patternProperties", {}))


def place(loader, root, error):
    """[(mark, message)] for one jsonschema error."""
    node = find(loader, root, list(error.absolute_path))
    if error.validator == "additionalProperties" and \
            isinstance(node, yaml.MappingNode):
        out = []
        for name, key, _ in children(loader, node):
            if not allowed(error.schema, name):
                out.append((key.start_mark,
                            "Property %s is not allowed." % name))
        if out:
            return out
    if error.validator == "required":
        m = re.match(r"^'(.*)' is a required property$", error.message)
        if m:
            return [(node.start_mark, 'Missing property "%s".' % m.group(1))]
    return [(node.start_mark, error.message)]


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: lines.py SCHEMA FILE\n")
        return 2
    try:
        with open(argv[0], encoding="utf-8") as f:
            schema = json.load(f)
        with open(argv[1], "rb") as f:
            data = f.read()
    except (OSError, ValueError) as e:
        sys.stderr.write("lines.py: %s\n" % e)
        return 2
    validate.Validator.check_schema(schema)
    validator = validate.Validator(schema)
    found = []
    try:
        loader = validate.Yaml12CoreLoader(data)
        try:
            root = loader.get_single_node()
            doc = validate.jsonify(loader.construct_document(root)
                                   if root is not None else None)
        finally:
            loader.dispose()
        if root is None:
            root = yaml.ScalarNode("tag:yaml.org,2002:null", "",
                                   yaml.Mark("", 0, 0, 0, None, None))
        loader = validate.Yaml12CoreLoader(data)
        for error in validator.iter_errors(doc):
            found += place(loader, root, error)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        found = [(mark, " ".join(str(e.problem or e).split()))]
    except yaml.YAMLError as e:
        sys.stderr.write("lines.py: %s: %s\n" % (argv[1], e))
        return 2
    for mark, message in sorted(found, key=lambda f: (f[0].line, f[0].column)):
        print("%d:%d: %s" % (mark.line + 1, mark.column + 1, message))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
