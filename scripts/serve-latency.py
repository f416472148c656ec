#!/usr/bin/env python3
"""Measures `glossa serve` from a saved edit to the browser: how long until the reload event for
the edited page arrives, until the page the server sends contains the edit, and until the full
rebuild has finished.

    scripts/serve-latency.py GLOSSA_BINARY SITE_FOLDER [--edits N] [--port P]

The site's first term gets a new sentence per edit; the file is restored at the end.
"""
import argparse
import http.client
import os
import pathlib
import statistics
import subprocess
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("glossa")
    parser.add_argument("site")
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    site = pathlib.Path(args.site)
    term = sorted((site / "Content/glossary").glob("*.md"))[0]
    page_url = f"/glossary/{term.stem}/"
    original = term.read_bytes()

    server = subprocess.Popen([args.glossa, "serve", "--site", str(site), "--port", str(args.port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    built = threading.Event()
    ready = threading.Event()

    def read_output():
        for line in server.stdout:
            lines.append((time.monotonic(), line.rstrip()))
            if line.startswith("Serving at"):
                ready.set()
            if line.startswith("Built "):
                built.set()
    threading.Thread(target=read_output, daemon=True).start()
    if not ready.wait(600):
        raise SystemExit("serve did not start")

    events = []
    def listen():
        connection = http.client.HTTPConnection("127.0.0.1", args.port)
        connection.request("GET", "/__glossa/events")
        response = connection.getresponse()
        for raw in response:
            line = raw.decode().rstrip("\n")
            if line.startswith("data:"):
                events.append((time.monotonic(), line[5:].strip()))
    threading.Thread(target=listen, daemon=True).start()
    time.sleep(0.5)

    event_ms, served_ms, rebuilt_s = [], [], []
    try:
        for edit in range(args.edits):
            marker = f"Latency probe {edit} {time.time_ns()}."
            built.clear()
            seen = len(events)
            saved = time.monotonic()
            term.write_bytes(original + f"\n{marker}\n".encode())
            while not any(page_url in data or data == "reload" for _, data in events[seen:]):
                if time.monotonic() - saved > 600:
                    raise SystemExit("no reload event")
                time.sleep(0.001)
            event_at = next(at for at, data in events[seen:] if page_url in data or data == "reload")
            event_ms.append((event_at - saved) * 1000)
            while True:
                connection = http.client.HTTPConnection("127.0.0.1", args.port)
                connection.request("GET", page_url)
                body = connection.getresponse().read().decode()
                if marker in body:
                    served_ms.append((time.monotonic() - saved) * 1000)
                    break
                time.sleep(0.002)
            if not built.wait(600):
                raise SystemExit("no rebuild")
            built_at = [at for at, line in lines if line.startswith("Built ")][-1]
            rebuilt_s.append(built_at - saved)
            time.sleep(0.5)
    finally:
        term.write_bytes(original)
        server.terminate()
        server.wait(30)

    def summary(values, unit):
        return f"median {statistics.median(values):.{0 if unit == 'ms' else 2}f} {unit} (min {min(values):.{0 if unit == 'ms' else 2}f}, max {max(values):.{0 if unit == 'ms' else 2}f})"
    print(f"{site.name}: {args.edits} edits of {term.name}")
    print(f"  save -> reload event for the page:  {summary(event_ms, 'ms')}")
    print(f"  save -> edited page served:         {summary(served_ms, 'ms')}")
    print(f"  save -> full rebuild finished:      {summary(rebuilt_s, 's')}")


if __name__ == "__main__":
    main()
