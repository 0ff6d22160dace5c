"""Serving benchmark (not a test): the column page and the search API through Varnish and straight from
gunicorn, and a static file from whitenoise, with 1 and 50 concurrent clients, in one run.

    python bench/serve_bench.py                       # a fresh demo database (migrate + seed_demo)
    python bench/serve_bench.py --duration 20 --clients 1,50
    python bench/serve_bench.py --database-url postgres://thidua:thidua@127.0.0.1:5433/thidua_bench

The portal runs as `make serve` runs it: `collectstatic`, then gunicorn (`cms.wsgi:application`, 2
workers × 4 threads, `cms.settings.production`), and Varnish in front of it (`scripts/varnish`, the
project's VCL). The load comes from Debian's `wrk` (`apt-get install wrk`): one keep-alive connection
per client, `Accept-Encoding: gzip` as browsers send it; latency percentiles from wrk's histogram.
Results: requests per second, p50 and p95 per target and client count, and the ratios of
BENCHMARKS.md (cached column page ÷ static file; aim ≥ 50 %, cached p95 ≤ 100 ms at 50 clients).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
COLUMN = "/dien-hinh-tien-tien/"
SEARCH = "/api/v3/search/?q=" + quote("nông nghiệp")
# wrk prints its summary as one JSON line (latencies in microseconds).
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "duration_us": %d, "bytes": %d, "errors": %d, "non_2xx": %d, '
    .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def portal_env(args: argparse.Namespace, workdir: Path, settings: str = "cms.settings.production") -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=args.database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        SECRET_KEY="serve-bench-only",  # noqa: S106 (a throwaway key for a throwaway portal)
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",  # plain http on the loopback
        ALLOW_DEMO_ACCOUNTS="1",  # the seeded demo accounts (home/checks.py)
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        ELASTICSEARCH_URL=args.elasticsearch_url,
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict[str, str], *command: str) -> None:
    result = subprocess.run(
        [PYTHON, "manage.py", *command], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")


def get(base_url: str, path: str) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def start_gunicorn(env: dict, workdir: Path) -> tuple[subprocess.Popen, str]:
    """gunicorn as `make serve` runs it (2 workers × 4 threads) on a free port, answering; its process and origin."""
    port, log = free_port(), workdir / "gunicorn.log"
    with open(log, "w") as log_file:
        gunicorn = subprocess.Popen(
            [GUNICORN, "cms.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"],
            cwd=REPO,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    origin = f"http://127.0.0.1:{port}"
    wait_for(origin, gunicorn, log)
    return gunicorn, origin


def wait_for(base_url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            get(base_url, "/")
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"gunicorn did not answer in {timeout} s:\n{log.read_text()[-3000:]}")


def static_path(workdir: Path) -> str:
    """A hashed stylesheet from collectstatic's manifest (served by whitenoise)."""
    manifest = json.loads((workdir / "static" / "staticfiles.json").read_text())["paths"]
    name = next((name for name in sorted(manifest) if name.endswith(".css")), sorted(manifest)[0])
    return "/static/" + manifest[name]


def run_wrk(url: str, clients: int, duration: int, script: Path) -> dict:
    threads = min(clients, 2)
    command = ["wrk", f"-t{threads}", f"-c{clients}", f"-d{duration}s", "--timeout", "10s"]
    command += ["-H", "Accept-Encoding: gzip", "-s", str(script), url]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    line = next((line for line in result.stdout.splitlines() if line.startswith('{"requests"')), None)
    if result.returncode != 0 or line is None:
        sys.exit(f"wrk failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    report = json.loads(line)
    report["rps"] = report["requests"] / (report["duration_us"] / 1e6)
    return report


def varnish_counters(env: dict[str, str], listen_port: int) -> dict[str, int]:
    run_dir = env.get("THIDUA_RUN") or "/tmp/thidua-run"  # noqa: S108 (scripts/varnish's default)
    work = Path(run_dir) / f"varnish-{listen_port}" / "work"
    result = subprocess.run(["varnishstat", "-n", str(work), "-1", "-j"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return {}
    data = json.loads(result.stdout)
    counters = data.get("counters", data)
    return {name: counters.get(f"MAIN.{name}", {}).get("value", 0) for name in ("cache_hit", "cache_miss", "s_pass")}


def machine() -> dict[str, str]:
    model = "unknown"
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    for line in lscpu.splitlines():
        if line.startswith("Model name:"):
            model = line.split(":", 1)[1].strip()
    return {"nproc": str(os.cpu_count()), "cpu": model, "python": platform.python_version()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement (default 10)")
    parser.add_argument("--clients", default="1,50", help="concurrent clients, comma-separated (default 1,50)")
    parser.add_argument("--database-url", default="", help="an existing migrated and seeded database")
    parser.add_argument("--elasticsearch-url", default="", help="search on Elasticsearch (default: the database)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args()
    for tool in ("wrk", "varnishstat"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install {'wrk' if tool == 'wrk' else 'varnish'}")
    clients = [int(value) for value in args.clients.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="thidua-serve-bench-"))
    env = portal_env(args, workdir)
    gunicorn = None
    varnish_env = None
    try:
        if not args.database_url:
            print("migrate + seed_demo …", file=sys.stderr)
            seed_env = portal_env(args, workdir, settings="cms.settings.dev")
            manage(seed_env, "migrate", "--no-input")
            manage(seed_env, "seed_demo")
        manage(env, "collectstatic", "--no-input")
        varnish_port = free_port()
        gunicorn, origin = start_gunicorn(env, workdir)
        varnish_env = {
            **os.environ,
            "VARNISH_LISTEN": f"127.0.0.1:{varnish_port}",
            "VARNISH_BACKEND": origin.removeprefix("http://"),
        }
        started = subprocess.run(
            [str(REPO / "scripts" / "varnish"), "start"], env=varnish_env, capture_output=True, text=True, check=False
        )
        if started.returncode != 0:
            sys.exit(f"scripts/varnish start failed:\n{started.stderr}")
        cache = f"http://127.0.0.1:{varnish_port}"
        static = static_path(workdir)
        targets = [
            ("column page, Varnish", cache, COLUMN, True),
            ("search API, Varnish", cache, SEARCH, True),
            ("column page, gunicorn", origin, COLUMN, False),
            ("search API, gunicorn", origin, SEARCH, False),
            ("static file, whitenoise", origin, static, False),
        ]
        for name, base, path, cached in targets:  # warm up, and check what is measured
            for _ in range(3):
                status, headers, _body = get(base, path)
            if status != 200 or (cached and headers.get("x-cache") != "HIT"):
                sys.exit(f"{name}: {status} {headers.get('x-cache')} {headers.get('cache-control')}")
        script = workdir / "report.lua"
        script.write_text(WRK_REPORT)
        load_before = os.getloadavg()
        results: dict[tuple[str, int], dict] = {}
        for count in clients:
            for name, base, path, _cached in targets:
                results[name, count] = report = run_wrk(base + path, count, args.duration, script)
                print(
                    f"{name:26} {count:3} clients: {report['rps']:9.0f} req/s  p50 {report['p50_us'] / 1000:7.2f} ms"
                    f"  p95 {report['p95_us'] / 1000:7.2f} ms  errors {report['errors']} non-2xx {report['non_2xx']}",
                    file=sys.stderr,
                )
        print_markdown(args, targets, clients, results, load_before, varnish_counters(varnish_env, varnish_port))
    finally:
        if varnish_env:
            subprocess.run(
                [str(REPO / "scripts" / "varnish"), "stop"], env=varnish_env, capture_output=True, check=False
            )
        if gunicorn and gunicorn.poll() is None:
            os.killpg(gunicorn.pid, signal.SIGTERM)
            gunicorn.wait(timeout=30)
        if args.keep:
            print(f"work directory kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def print_markdown(args, targets, clients, results, load_before, counters) -> None:
    info = machine()
    load_after = os.getloadavg()
    print(
        f"Run {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}: {info['nproc']} CPUs ({info['cpu']}), Python {info['python']},"
    )
    print(f"wrk {args.duration} s per row; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}.")
    print(f"Varnish counters after the run: {counters}.\n")
    header = " | ".join(f"{count} client{'s' if count > 1 else ''}: req/s · p50 · p95 (ms)" for count in clients)
    print(f"| target | kB per answer | {header} |")
    print("|---|---|" + "---|" * len(clients))
    for name, *_rest in targets:
        first = results[name, clients[0]]
        cells = [f"{first['bytes'] / max(first['requests'], 1) / 1024:.1f}"]  # as sent: gzip, headers included
        for count in clients:
            report = results[name, count]
            errors = (
                f" ({report['errors'] + report['non_2xx']} errors)" if report["errors"] or report["non_2xx"] else ""
            )
            cells.append(
                f"{report['rps']:,.0f} · {report['p50_us'] / 1000:.2f} · {report['p95_us'] / 1000:.2f}{errors}"
            )
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    for count in clients:
        static = results["static file, whitenoise", count]["rps"]
        column = results["column page, Varnish", count]
        search = results["search API, Varnish", count]
        print(
            f"- {count} client(s): cached column page ÷ static file = {column['rps'] / static:.0%}"
            f" (aim ≥ 50 %); cached column ÷ gunicorn column = {column['rps'] / results['column page, gunicorn', count]['rps']:.1f}×;"
            f" cached search ÷ gunicorn search = {search['rps'] / results['search API, gunicorn', count]['rps']:.1f}×;"
            f" cached p95 column / search = {column['p95_us'] / 1000:.2f} / {search['p95_us'] / 1000:.2f} ms (aim ≤ 100 ms at 50)"
        )


if __name__ == "__main__":
    main()
