"""Starts psverify-serve on a loopback port of its choosing and stops it: shared by the browser
test and the load test. Loopback only; the server is always stopped, even on failure."""
import os
import re
import subprocess
import tempfile
import time


class ServeProcess:
    def __init__(self, binary, database, extra=()):
        self.binary = binary
        self.database = database
        self.extra = list(extra)
        self.process = None
        self.base = None
        self.staff = None
        self.log = tempfile.NamedTemporaryFile("w+", prefix="psverify-serve-", suffix=".log",
                                               delete=False)

    def __enter__(self):
        self.process = subprocess.Popen(
            [self.binary, "serve", "--host", "127.0.0.1", "--port", "0", "--db", self.database]
            + self.extra,
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        deadline = time.time() + 300
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("psverify-serve exited before serving; log: " + self.log.name)
            m = re.search(r"(http://127\.0\.0\.1:\d+)", line)
            if m and self.base is None:
                self.base = m.group(1)
            s = re.search(r"class view: (\S+)", line)
            if s:
                self.staff = s.group(1)
            if line.startswith("stored in"):
                return self
        raise RuntimeError("psverify-serve did not start within 300 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return False


def roster_import(binary, database, csv_path, assignment=None):
    """Runs `psverify-serve roster import` (with `--assignment` when given) and returns
    {student id: link}."""
    out = subprocess.run([binary, "roster", "import", csv_path, "--db", database,
                          "--base-url", "http://127.0.0.1:0"]
                         + (["--assignment", assignment] if assignment else []),
                         check=True, capture_output=True, text=True).stdout
    links = {}
    import csv
    import io
    for row in csv.DictReader(io.StringIO(out)):
        links[row["id"]] = row["link"].replace("http://127.0.0.1:0", "")
    return links


def default_binary(configuration="debug"):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(root, ".build", configuration, "psverify-serve")
