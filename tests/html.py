#!/usr/bin/python3
"""Drives kgraph's HTML page in headless Chromium through the DevTools
protocol (Debian: chromium, python3-websocket) and checks what a reader
relies on. Usage: html.py PAGE.html SCREENSHOT.png [hostile|untitled]
(hostile: a model full of markup, whose text must stay text; untitled:
a page drawn with --no-title, whose heading shows the title instead).

Prints one line per check, "ok NAME" or "FAIL NAME: why", and exits 0.
The page is opened from file://, as a student opens a handout."""
import base64
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib

import websocket

page, shot = os.path.abspath(sys.argv[1]), sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else ""
hostile, untitled = mode == "hostile", mode == "untitled"
deck = mode == "deck"


def result(name, good, why=""):
    print(("ok %s" % name) if good else ("FAIL %s: %s" % (name, why)))


profile = tempfile.mkdtemp(prefix="kgraph-chromium-")
browser = subprocess.Popen(
    ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
     "--no-first-run", "--disable-extensions", "--hide-scrollbars",
     "--remote-debugging-port=0", "--window-size=1600,1000",
     "--user-data-dir=" + profile, "about:blank"],
    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    port = None
    deadline = time.time() + 60
    while time.time() < deadline and port is None:
        line = browser.stderr.readline()
        if not line and browser.poll() is not None:
            break
        m = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
        if m:
            port = int(m.group(1))
    if port is None:
        print("FAIL chromium-start: no DevTools port")
        sys.exit(0)
    targets = json.load(urllib.request.urlopen(
        "http://127.0.0.1:%d/json/list" % port, timeout=30))
    ws_url = [t for t in targets if t["type"] == "page"][0][
        "webSocketDebuggerUrl"]
    ws = websocket.create_connection(ws_url, timeout=30)
    seq = [0]
    events = []

    def call(method, **params):
        seq[0] += 1
        ws.send(json.dumps({"id": seq[0], "method": method,
                            "params": params}))
        while True:
            msg = json.loads(ws.recv())
            if msg.get("id") == seq[0]:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            events.append(msg)

    def js(expr):
        r = call("Runtime.evaluate", expression=expr, returnByValue=True,
                 awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError("%s: %s" % (expr, r["exceptionDetails"]))
        return r["result"].get("value")

    def key(name, code, keycode):
        for t in ("keyDown", "keyUp"):
            call("Input.dispatchKeyEvent", type=t, key=name, code=code,
                 windowsVirtualKeyCode=keycode)

    for domain in ("Runtime", "Log", "Page"):
        call(domain + ".enable")
    call("Page.navigate", url="file://" + page)
    deadline = time.time() + 30
    while time.time() < deadline and not any(
            e.get("method") == "Page.loadEventFired" for e in events):
        events.append(json.loads(ws.recv()))
    time.sleep(0.3)
    js("1")  # collects what the page logged while loading

    def problems():
        out = []
        for e in events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(p["exceptionDetails"].get("text", "exception"))
            elif m == "Runtime.consoleAPICalled" and p["type"] in (
                    "error", "assert"):
                out.append("console: %s" % p["args"])
            elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append("log: %s" % p["entry"]["text"])
            elif m == "Page.javascriptDialogOpening":
                out.append("a dialog opened: %s" % p.get("message"))
        return out

    result("loads-without-errors", not problems(), "; ".join(problems()))
    scripts = js("document.scripts.length")
    result("only-the-pages-scripts", scripts == (1 if deck else 2),
           "%s scripts" % scripts)
    handlers = js("""Array.prototype.filter.call(document.querySelectorAll('*'),
        e => Array.prototype.some.call(e.attributes,
            a => /^on/i.test(a.name))).length""")
    result("no-event-handler-attributes", handlers == 0,
           "%s elements" % handlers)
    bad_links = js("""Array.prototype.filter.call(
        document.querySelectorAll('a[href], a'), a => {
        const h = a.getAttribute('href') ||
            a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '';
        return /^\\s*(javascript|data|vbscript|file):/i.test(h.replace(
            /[\\s\\u0000-\\u001f]/g, ''));
        }).length""")
    result("no-disallowed-urls", bad_links == 0, "%s links" % bad_links)

    if deck:
        # A deck: one slide shown at a time; the keys step through them.
        n = js("document.querySelectorAll('section.kg-slide').length")
        shown = """(() => Array.prototype.map.call(
            document.querySelectorAll('section.kg-slide'),
            (s, i) => s.hidden ? -1 : i).filter(i => i >= 0).join(','))()"""
        label = "document.getElementById('kg--deck-label').textContent"
        result("deck-opens-at-slide-1", js(shown) == "0" and
               js(label) == "Slide 1 of %d" % n, "%s, %s" % (js(shown), js(label)))
        key("ArrowRight", "ArrowRight", 39)
        result("deck-right-arrow", js(shown) == "1" and
               js(label) == "Slide 2 of %d" % n, js(label))
        key("End", "End", 35)
        result("deck-end", js(shown) == str(n - 1), js(shown))
        key("PageUp", "PageUp", 33)
        result("deck-page-up", js(shown) == str(n - 2), js(shown))
        key("Home", "Home", 36)
        result("deck-home", js(shown) == "0", js(shown))
        key("ArrowRight", "ArrowRight", 39)
        result("deck-no-errors-while-stepping", not problems(),
               "; ".join(problems()))
    else:
        steps = js("parseInt(document.getElementById('kg--page-figure')"
                   ".getAttribute('data-steps'))")
        label = js("document.getElementById('kg--page-step-label').textContent")
        visible = """(k => Array.prototype.filter.call(
            document.querySelectorAll('svg g.step-' + k),
            e => getComputedStyle(e).visibility === 'visible').length)"""
        total = """(k => document.querySelectorAll('svg g.step-' + k).length)"""
        # The title once: the picture's, with the heading for screen readers;
        # without the picture's title, the heading's.
        seen = js("""(() => { const h = document.querySelector('header h1');
            const t = h.textContent, r = h.getBoundingClientRect();
            const drawn = Array.prototype.filter.call(
                document.querySelectorAll('svg text'), e => {
                    const s = e.textContent.trim();
                    return s.length >= Math.min(t.length, 20) &&
                        t.startsWith(s); }).length;
            return [r.width > 1 && r.height > 1, drawn]; })()""")
        result("title-once", seen == ([True, 0] if untitled else [False, 1]),
               "heading shown, title drawn: %r" % (seen,))
        if not hostile:
            # A lecture opens at its first phase: Previous off, Next on, and
            # nothing of the later phases shown.
            result("starts-at-the-first-phase", steps > 1 and
                   label.startswith("Phase 1 of %d" % steps),
                   "%s: %r" % (steps, label))
            result("first-step-buttons", js(
                "document.getElementById('kg--page-prev').disabled") is True and
                js("document.getElementById('kg--page-next').disabled") is False,
                "Previous or Next in the wrong state")
            result("opens-without-later-steps", all(
                js(visible + "(%d)" % k) == 0 for k in range(2, steps + 1)) and
                js(total + "(1)") > 0 and
                js(visible + "(1)") == js(total + "(1)"), "")
        if not hostile and not untitled:
            # the whole picture, then back, and the panel
            key("End", "End", 35)
            last = js(total + "(3)")
            result("end-shows-every-phase", last > 0 and
                   js(visible + "(3)") == last,
                   "%s of %s" % (js(visible + "(3)"), last))
            key("ArrowLeft", "ArrowLeft", 37)
            key("ArrowLeft", "ArrowLeft", 37)
            label = js("document.getElementById('kg--page-step-label').textContent")
            result("arrow-keys-step-back", label.startswith("Phase 1 of 3"),
                   repr(label))
            result("later-steps-hidden", js(visible + "(3)") == 0 and
                   js(visible + "(2)") == 0, "step 3 shows %s, step 2 %s" %
                   (js(visible + "(3)"), js(visible + "(2)")))
            result("first-step-shown", js(visible + "(1)") == js(total + "(1)")
                   and js(total + "(1)") > 0, "")
            before = js("""JSON.stringify(Array.prototype.map.call(
                document.querySelectorAll('svg g.node'), e => {
                const r = e.getBoundingClientRect(); return [r.x, r.y]; }))""")
            js("document.getElementById('kg--page-next').click()")
            label = js("document.getElementById('kg--page-step-label').textContent")
            result("next-button", label.startswith("Phase 2 of 3") and
                   js(visible + "(2)") == js(total + "(2)") and
                   js(visible + "(3)") == 0, repr(label))
            after = js("""JSON.stringify(Array.prototype.map.call(
                document.querySelectorAll('svg g.node'), e => {
                const r = e.getBoundingClientRect(); return [r.x, r.y]; }))""")
            result("layout-frozen-between-steps", before == after,
                   "node positions moved")
            js("document.getElementById('kg--page-all').click()")
            # a click on a node opens the panel with its text and sources
            rect = js("""(() => { const e = document.getElementById(
                'kg-stalin-approves'); const r = e.getBoundingClientRect();
                e.scrollIntoView(); const s = e.getBoundingClientRect();
                return [s.x + s.width / 2, s.y + s.height / 2]; })()""")
            for t in ("mousePressed", "mouseReleased"):
                call("Input.dispatchMouseEvent", type=t, x=rect[0], y=rect[1],
                     button="left", clickCount=1)
            panel = js("""(() => { const p = document.getElementById('kg--page-panel');
                return p.hidden ? null : p.textContent; })()""")
            result("click-opens-panel", panel is not None and
                   "Stalin approves" in panel and "Bajanov" in panel,
                   repr(panel)[:300])
            js("document.getElementById('kg--page-panel').hidden = true")
            # keyboard: Tab reaches an item, and focus opens the panel
            js("document.activeElement && document.activeElement.blur()")
            reached = None
            for _ in range(12):
                key("Tab", "Tab", 9)
                reached = js("""(() => { const a = document.activeElement;
                    return a && a.closest && a.closest('svg') ? a.id : null;
                    })()""")
                if reached:
                    break
            panel = js("""(() => { const p = document.getElementById('kg--page-panel');
                return p.hidden ? null : p.textContent; })()""")
            result("keyboard-reaches-items", bool(reached) and panel is not None,
                   "focus on %r, panel %r" % (reached, panel))
            key("Escape", "Escape", 27)
            result("escape-closes-panel",
                   js("document.getElementById('kg--page-panel').hidden"), "")
            js("document.getElementById('kg-stalin-approves').focus()")
        elif hostile:
            # every item's panel: the hostile strings stay text
            panel = js("""Array.prototype.map.call(
                document.querySelectorAll('svg g[tabindex]'), g => {
                g.dispatchEvent(new MouseEvent('click', {bubbles: true}));
                return document.getElementById('kg--page-panel-body').innerHTML;
                }).join('\\n')""")
            result("hostile-text-stays-text", bool(panel) and
                   "<script" not in panel and "<svg" not in panel and
                   "&lt;" in panel, (panel or "")[:200])
        result("no-errors-after-use", not problems(), "; ".join(problems()))
        result("nothing-injected", js("typeof window.kgPwned") == "undefined",
               "an injected script ran")

    png = base64.b64decode(call("Page.captureScreenshot",
                                format="png")["data"])
    with open(shot, "wb") as f:
        f.write(png)
    # Decodes the screenshot (8-bit RGB or RGBA) and counts the pixels
    # that are not the background: a blank page has none.
    w, h, depth, ctype = struct.unpack(">IIBB", png[16:26])
    idat = b"".join(png[i + 8:i + 8 + struct.unpack(">I", png[i:i + 4])[0]]
                    for i in [m.start() - 4 for m in
                              re.finditer(b"IDAT", png)])
    raw = zlib.decompress(idat)
    bpp = 4 if ctype == 6 else 3
    stride = w * bpp
    prev = bytearray(stride)
    inked = 0
    pos = 0
    for _ in range(h):
        ft = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else
                                      b if pb <= pc else c)) & 255
        for i in range(0, stride, bpp * 4):
            if line[i] < 200 or line[i + 1] < 200 or line[i + 2] < 200:
                inked += 1
        prev = line
    result("screenshot-not-blank", inked > 2000,
           "%d dark samples in %dx%d" % (inked, w, h))
    ws.close()
finally:
    browser.terminate()
    try:
        browser.wait(10)
    except subprocess.TimeoutExpired:
        browser.kill()
    shutil.rmtree(profile, ignore_errors=True)
