#!/usr/bin/python3
"""Ask yaml-language-server what it makes of one YAML file, as an editor would.

Usage:
  lsp.py [--server JS] [--timeout SECONDS] [--yaml-version V]
         [--schema SCHEMA=GLOB]... [--complete LINE:COL] FILE

Starts `node JS --stdio` (JS defaults to
build/yls/node_modules/yaml-language-server/bin/yaml-language-server),
speaks the Language Server Protocol to it over its standard input and
output, and sends what an editor sends when it opens FILE: initialize,
initialized, workspace/didChangeConfiguration (yaml.validate and
yaml.completion on, and no yaml.schemas: the file's own first line,
"# yaml-language-server: $schema=...", names its schema) and
textDocument/didOpen. --schema maps the files that GLOB matches to
SCHEMA in yaml.schemas instead, as an editor's settings would;
--yaml-version sets yaml.yamlVersion (1.2 by default in the server) to
1.1 or 1.2. It waits for the server's
textDocument/publishDiagnostics for FILE and prints each diagnostic as

    LINE:COL: MESSAGE

(1-based, in the order of their positions), then, with --complete, asks
for completion (textDocument/completion) at LINE:COL (1-based; the column
counts characters) and prints each label offered as

    completion: LABEL

Exit status: 0 when the server answered (whatever it reported), 2 on a
usage error, 3 when the server could not be started, died, or did not
answer within the timeout (default 60 seconds).

Standard library only.
"""

import json
import os
import queue
import subprocess
import sys
import threading
import time
from urllib.parse import quote

DEFAULT_SERVER = os.path.join(
    "build", "yls", "node_modules", "yaml-language-server", "bin",
    "yaml-language-server")


class ServerError(Exception):
    pass


class Client:
    """A minimal LSP client: JSON-RPC messages with Content-Length headers."""

    def __init__(self, argv, deadline):
        self.deadline = deadline
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.next_id = 1
        self.stderr = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        self.inbox.put(None)
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    continue
                body = out.read(length)
                if len(body) < length:
                    self.inbox.put(None)
                    return
                self.inbox.put(json.loads(body.decode("utf-8")))
        except (ValueError, OSError):
            self.inbox.put(None)

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        try:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body))
            self.proc.stdin.write(body)
            self.proc.stdin.flush()
        except OSError as e:
            raise ServerError("cannot write to the server: %s" % e)

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        return rid

    def receive(self, until=None):
        """The next message; None when `until` (a time) passes first."""
        end = self.deadline if until is None else min(until, self.deadline)
        while True:
            left = end - time.monotonic()
            if left <= 0:
                if until is not None and until < self.deadline:
                    return None
                raise ServerError("no answer within the timeout")
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise ServerError("the server stopped (exit status %s)"
                                  % self.proc.poll())
            if "method" in message and "id" in message:
                self._answer(message)
                continue
            return message

    def _answer(self, message):
        """Answer a request from the server as a plain editor would."""
        method = message["method"]
        result = None
        if method == "workspace/configuration":
            items = message.get("params", {}).get("items", [])
            result = [self.settings.get(i.get("section"), None)
                      if i.get("section") else None for i in items]
        elif method == "workspace/workspaceFolders":
            result = []
        self.send({"id": message["id"], "result": result})

    def wait_for(self, rid):
        while True:
            message = self.receive()
            if message.get("id") == rid and "method" not in message:
                if "error" in message:
                    raise ServerError("%s" % message["error"].get("message"))
                return message.get("result")
            self.on_notification(message)

    def on_notification(self, message):
        pass

    def close(self):
        try:
            rid = self.request("shutdown", None)
            self.receive(until=time.monotonic() + 5)
            del rid
            self.notify("exit", None)
        except ServerError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def file_uri(path):
    return "file://" + quote(os.path.abspath(path))


def main(argv):
    server = DEFAULT_SERVER
    timeout = 60.0
    complete = None
    yaml_version = None
    schemas = {}
    args = list(argv)
    files = []
    while args:
        a = args.pop(0)
        if a in ("--server", "--timeout", "--complete",
                 "--yaml-version", "--schema") and not args:
            sys.stderr.write("lsp.py: %s needs a value\n" % a)
            return 2
        if a == "--server":
            server = args.pop(0)
        elif a == "--timeout":
            timeout = float(args.pop(0))
        elif a == "--schema":
            schema, eq, glob = args.pop(0).partition("=")
            if not eq or not schema or not glob:
                sys.stderr.write("lsp.py: --schema takes SCHEMA=GLOB\n")
                return 2
            schemas.setdefault(schema, []).append(glob)
        elif a == "--yaml-version":
            yaml_version = args.pop(0)
        elif a == "--complete":
            try:
                line, col = (int(x) for x in args.pop(0).split(":"))
            except ValueError:
                sys.stderr.write("lsp.py: --complete takes LINE:COL\n")
                return 2
            complete = (line - 1, col - 1)
        elif a.startswith("-") and a != "-":
            sys.stderr.write("lsp.py: unknown option %s\n" % a)
            return 2
        else:
            files.append(a)
    if len(files) != 1:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    path = files[0]
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        sys.stderr.write("lsp.py: %s: %s\n" % (path, e))
        return 2
    if not os.path.isfile(server):
        sys.stderr.write("lsp.py: %s not found\n" % server)
        return 3

    uri = file_uri(path)
    settings = {
        "yaml": {
            "validate": True,
            "completion": True,
            "hover": True,
            "format": {"enable": False},
            "schemaStore": {"enable": False},
            "schemas": schemas,
        },
    }
    if yaml_version:
        settings["yaml"]["yamlVersion"] = yaml_version
    diagnostics = []

    try:
        client = Client(["node", server, "--stdio"],
                        time.monotonic() + timeout)
    except OSError as e:
        sys.stderr.write("lsp.py: cannot start node: %s\n" % e)
        return 3
    client.settings = settings
    got = []

    def on_notification(message):
        if (message.get("method") == "textDocument/publishDiagnostics"
                and message["params"].get("uri") == uri):
            got.append(message["params"].get("diagnostics", []))

    client.on_notification = on_notification
    try:
        rid = client.request("initialize", {
            "processId": os.getpid(),
            "rootUri": file_uri(os.path.dirname(os.path.abspath(path))),
            "capabilities": {
                "workspace": {"configuration": True,
                              "didChangeConfiguration": {
                                  "dynamicRegistration": False}},
                "textDocument": {
                    "publishDiagnostics": {"relatedInformation": False},
                    "completion": {"completionItem": {
                        "snippetSupport": False}},
                },
            },
            "initializationOptions": {},
            "workspaceFolders": None,
        })
        client.wait_for(rid)
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration",
                      {"settings": settings})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        # The first diagnostics for the file, then any that follow within
        # a second (a revalidation once the configuration or the schema
        # has arrived): the last set is what an editor would show.
        while not got:
            client.on_notification(client.receive())
        quiet = time.monotonic() + 1.0
        while True:
            message = client.receive(until=quiet)
            if message is None:
                break
            before = len(got)
            client.on_notification(message)
            if len(got) > before:
                quiet = time.monotonic() + 1.0
        diagnostics = got[-1]
        labels = []
        if complete is not None:
            rid = client.request("textDocument/completion", {
                "textDocument": {"uri": uri},
                "position": {"line": complete[0], "character": complete[1]},
            })
            result = client.wait_for(rid)
            items = (result.get("items", []) if isinstance(result, dict)
                     else result or [])
            labels = [i.get("label") for i in items]
    except ServerError as e:
        sys.stderr.write("lsp.py: %s\n" % e)
        sys.stderr.write("".join(client.stderr[-20:]))
        try:
            client.proc.kill()
        except OSError:
            pass
        return 3
    client.close()

    def where(d):
        start = d["range"]["start"]
        return (start["line"], start["character"])

    for d in sorted(diagnostics, key=where):
        line, col = where(d)
        message = " ".join(str(d.get("message", "")).split())
        print("%d:%d: %s" % (line + 1, col + 1, message))
    for label in labels:
        print("completion: %s" % label)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
