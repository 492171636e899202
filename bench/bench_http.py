"""HTTP throughput of the portal beside a bare Django "hello world", side by side in one run.

Starts, under the same gunicorn settings (``--workers``, sync workers):

- ``bench/hello.py``, the yardstick;
- the portal with production settings, PostgreSQL and Redis, its page cache on;
- the same portal with the page cache off (``DJANGO_PAGE_CACHE=0``);

then loads each with the same tool (wrk where installed, else a Python load loop) and prints
requests per second and the ratio to the hello world measured in the same round: a cached
rights page, the (cached) home page, an uncached rights page, and the Africa's Talking SMS
callback (every request a new report: a case, its timeline and outbox rows, and a task
queued for the worker, which is not running, so only the callback itself is measured).

Numbers are noisy on a shared machine: compare the ratios, and run more ``--rounds``.

    .venv/bin/python bench/bench_http.py                 # PostgreSQL database bench_http
"""

import argparse
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
SECRET = "bench-callback-secret"  # noqa: S105 - a local benchmark's callback path

SMS_SCRIPT = """
counter = 0
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
tag = math.random(1, 1000000000)
request = function()
  counter = counter + 1
  local id = string.format("bench-%d-%d", tag, counter)
  local phone = string.format("%%2B25471%07d", math.random(0, 9999999))
  local body = "id=" .. id .. "&from=" .. phone ..
    "&to=22384&text=Hakuna+maji+Kisumu+kwa+wiki+mbili&date=2026-12-02+06%3A04%3A45"
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(*command, env=None):
    subprocess.run(command, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def portal_env(args, static_root, port, page_cache=True):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "bench-" + secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_AFRICASTALKING_CALLBACK_SECRET": SECRET,
        "DJANGO_PAGE_CACHE": "1" if page_cache else "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    return env


def prepare(args, static_root):
    env = portal_env(args, static_root, 8000)
    database = urllib.parse.urlparse(args.database_url).path.lstrip("/")
    created = subprocess.run(
        [
            "psql",
            args.database_url.rsplit("/", 1)[0] + "/postgres",
            "-qAtc",
            f"SELECT 1 FROM pg_database WHERE datname = '{database}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not created:
        run("createdb", "-h", "127.0.0.1", "-U", "postgres", database)
    manage = [PYTHON, "manage.py"]
    run(*manage, "migrate", "--no-input", env=env)
    run(*manage, "load_initial_content", env=env)
    run(*manage, "load_example_authorities", env=env)
    run(*manage, "collectstatic", "--no-input", env=env)


def start(app, port, env, workers, *, probe="/", stderr=None):
    """gunicorn serving ``app`` on ``port``, once it answers ``probe`` (any HTTP status: the
    server is up). ``stderr``: a file for gunicorn's log (default: this process's)."""
    process = subprocess.Popen(
        [
            GUNICORN,
            app,
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{probe}", timeout=2)  # noqa: S310
            return process
        except urllib.error.HTTPError:
            return process  # an answer, even a 404 or a redirect refused: it is serving
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if process.poll() is not None:
                break
            time.sleep(0.3)
    stop(process)
    raise RuntimeError(f"{app} did not answer on port {port}")


def stop(process, timeout=10, how=signal.SIGTERM):
    """Stop a process started in its own session, and everything it started: gracefully
    (SIGTERM) by default, then killed after ``timeout`` seconds."""
    try:
        os.killpg(process.pid, how)
        process.wait(timeout)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def load_wrk(url, args, sms_script=None):
    command = ["wrk", "-t", "2", "-c", str(args.connections), "-d", f"{args.duration}s"]
    if sms_script:
        command += ["-s", str(sms_script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def load_python(url, args, sms_script=None):
    """A load loop for machines without wrk: ``connections`` threads, keep-alive-less GETs."""
    stop_at = time.monotonic() + args.duration
    counts = []

    def worker(index):
        done = 0
        while time.monotonic() < stop_at:
            if sms_script:
                body = urllib.parse.urlencode(
                    {
                        "id": f"bench-py-{index}-{done}-{secrets.token_hex(4)}",
                        "from": f"+25471{secrets.randbelow(10**7):07d}",
                        "to": "22384",
                        "text": "Hakuna maji Kisumu kwa wiki mbili",
                    }
                ).encode()
                urllib.request.urlopen(url, data=body, timeout=30).read()  # noqa: S310
            else:
                urllib.request.urlopen(url, timeout=30).read()  # noqa: S310
            done += 1
        counts.append(done)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / args.duration


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bench_http")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", help="measure only the targets whose name contains this")
    args = parser.parse_args()
    load = load_wrk if shutil.which("wrk") else load_python
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    sms_script = static_root / "sms.lua"
    sms_script.write_text(SMS_SCRIPT)
    prepare(args, static_root)

    ports = {"hello": free_port(), "cached": free_port(), "uncached": free_port()}
    servers = {}
    try:
        servers["hello"] = start(
            "bench.hello:application", ports["hello"], dict(os.environ), args.workers
        )
        servers["cached"] = start(
            "portal.wsgi:application",
            ports["cached"],
            portal_env(args, static_root, ports["cached"]),
            args.workers,
        )
        servers["uncached"] = start(
            "portal.wsgi:application",
            ports["uncached"],
            portal_env(args, static_root, ports["uncached"], page_cache=False),
            args.workers,
        )
        targets = {
            "cached rights page": f"http://127.0.0.1:{ports['cached']}/rights/water/",
            "home page (cached)": f"http://127.0.0.1:{ports['cached']}/",
            "uncached rights page": f"http://127.0.0.1:{ports['uncached']}/rights/water/",
            "SMS callback": (
                f"http://127.0.0.1:{ports['cached']}/channels/africastalking/sms/{SECRET}/"
            ),
        }
        if args.only:
            targets = {name: url for name, url in targets.items() if args.only in name}
        for url in targets.values():
            if "/channels/" not in url:
                urllib.request.urlopen(url, timeout=30).read()  # noqa: S310 - warm the caches
        hello_url = f"http://127.0.0.1:{ports['hello']}/"
        results = {name: [] for name in targets}
        yardsticks = []
        for _round in range(args.rounds):
            for name, url in targets.items():
                hello = load(hello_url, args)
                script = sms_script if name == "SMS callback" else None
                measured = load(url, args, sms_script=script)
                yardsticks.append(hello)
                results[name].append((measured, measured / hello))
        print(
            f"load: {'wrk' if load is load_wrk else 'Python loop'}, {args.connections} "
            f"connections, {args.duration} s per run, {args.rounds} rounds, "
            f"gunicorn --workers {args.workers}"
        )
        print(f"{'hello world':<24} {statistics.median(yardsticks):>9,.0f} req/s   1.00×")
        for name, runs in results.items():
            rate = statistics.median(rate for rate, _ratio in runs)
            ratio = statistics.median(ratio for _rate, ratio in runs)
            print(f"{name:<24} {rate:>9,.0f} req/s   {ratio:.3f}×")
    finally:
        for process in servers.values():
            stop(process)
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
