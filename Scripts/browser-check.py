#!/usr/bin/env python3
"""Opens Nabla's page in headless Chromium over the DevTools protocol, as a person would use it:
pastes a text into the form, chooses an action, submits, and reads what the browser built: the
marked entries, the MathML and the size of every formula's box. Saves a screenshot of each page.

    python3 Scripts/browser-check.py --server http://127.0.0.1:8080 \
        --run check=Examples/worked-solution.md --run steps=Examples/intermediate-variables.nabla \
        --run solve=Examples/chain-rule.nabla --shots docs

Prints one JSON object: for each run, the counts read from the DOM and the formulas' boxes.
Only the standard library: a minimal WebSocket client speaks to Chromium.
"""
import argparse, base64, json, os, secrets, socket, struct, subprocess, sys, tempfile, time, urllib.parse, urllib.request


class WebSocket:
    """A client for text frames, enough for the DevTools protocol."""

    def __init__(self, url):
        parts = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=60)
        key = base64.b64encode(secrets.token_bytes(16)).decode()
        request = (f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\nUpgrade: websocket\r\n"
                   f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("the browser closed the connection during the handshake")
            response += chunk
        if b" 101 " not in response.split(b"\r\n", 1)[0]:
            raise RuntimeError("no WebSocket upgrade: " + response.split(b"\r\n", 1)[0].decode())
        self.buffer = response.split(b"\r\n\r\n", 1)[1]

    def send(self, text):
        data = text.encode()
        header = bytes([0x81])
        n = len(data)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = secrets.token_bytes(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed the connection")
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            n = second & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(n)
            message += payload
            if first & 0x80:
                return message.decode()


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="nabla-chromium-")
        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
             "--remote-debugging-port=0", f"--user-data-dir={self.profile}", "--window-size=1100,1400", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = None
        deadline = time.time() + 60
        while time.time() < deadline and port is None:
            line = self.process.stderr.readline()
            if "DevTools listening on" in line:
                port = urllib.parse.urlparse(line.split("listening on", 1)[1].strip()).port
        if port is None:
            raise RuntimeError("chromium did not start its DevTools endpoint")
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = WebSocket(page["webSocketDebuggerUrl"])
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.ws.receive())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError("script failed: " + json.dumps(result["exceptionDetails"])[:400])
        return result["result"].get("value")

    def wait_for(self, condition, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if self.evaluate(condition):
                    return
            except RuntimeError:
                pass   # the page is between two documents
            time.sleep(0.1)
        raise RuntimeError("timed out waiting for " + condition)

    def close(self):
        self.process.kill()
        self.process.wait()


READ_PAGE = """JSON.stringify({
  claims: document.querySelectorAll('article.claim').length,
  wrongClaims: document.querySelectorAll('article.claim.wrong').length,
  wrongEntries: document.querySelectorAll('td.wrong').length,
  markedWrong: [...document.querySelectorAll('td.wrong .mark')].filter(m => m.textContent === '\\u2717').length,
  rightEntries: document.querySelectorAll('td.correct').length,
  problems: document.querySelectorAll('.problem').length,
  scripts: document.scripts.length,
  maths: [...document.querySelectorAll('math')].map(m => { const r = m.getBoundingClientRect(); return [r.width, r.height]; }),
  title: document.title,
  lang: document.documentElement.lang
})"""


def run(browser, server, action, text, lang, shot):
    browser.call("Page.navigate", url=f"{server}/?lang={lang}")
    browser.wait_for("document.readyState === 'complete' && !!document.getElementById('text')")
    browser.evaluate("window.__nablaBefore = true")
    browser.evaluate(f"""(() => {{
        document.getElementById('text').value = {json.dumps(text)};
        document.querySelector('input[name=action][value={action}]').checked = true;
        document.querySelector('#work button[type=submit]').click();
        return true; }})()""")
    # A new document: the marker set on the old one is gone, and the result is there.
    browser.wait_for("!window.__nablaBefore && document.readyState === 'complete' && !!document.getElementById('result')")
    found = json.loads(browser.evaluate(READ_PAGE))
    if shot:
        height = browser.evaluate("Math.ceil(document.documentElement.scrollHeight)")
        browser.call("Emulation.setDeviceMetricsOverride", width=1100, height=min(int(height), 2400), deviceScaleFactor=1, mobile=False)
        image = browser.call("Page.captureScreenshot", format="png")["data"]
        with open(shot, "wb") as f:
            f.write(base64.b64decode(image))
        browser.call("Emulation.clearDeviceMetricsOverride")
        found["screenshot"] = shot
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--run", action="append", required=True, help="ACTION=FILE (solve, steps or check)")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--shots", help="a folder for the screenshots (page-ACTION.png)")
    args = parser.parse_args()
    browser = Browser()
    out = {}
    try:
        for item in args.run:
            action, path = item.split("=", 1)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            shot = os.path.join(args.shots, f"page-{action}.png") if args.shots else None
            out[action] = run(browser, args.server.rstrip("/"), action, text, args.lang, shot)
    finally:
        browser.close()
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
