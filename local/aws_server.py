"""A moto server for `sam local invoke`, with the table, buckets and queue events/env.json names: `make aws`.

    python -m local.aws_server [--host 0.0.0.0] [--port 5000]

`sam local invoke` runs a function in a container, which cannot reach `make run`'s embedded moto (it listens on
127.0.0.1, on a port chosen at start). This one listens on every interface at a fixed port, so the container reaches
it at http://host.docker.internal:5055 (events/env.json's AWS_ENDPOINT_URL), and it runs until Ctrl-C.
"""

from __future__ import annotations

import argparse
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from local.moto_env import LOCAL_NAMES, create_resources

# Not 5000: macOS keeps it for AirPlay, and Docker Desktop users are often on macOS.
DEFAULT_PORT = 5055
# moto keeps resources per region; the functions look in the region SAM gives them (`--region us-east-1`).
REGION = "us-east-1"


@contextmanager
def moto_server(host: str = "0.0.0.0", port: int = DEFAULT_PORT) -> Iterator[dict[str, str]]:
    """Starts moto on host:port with the local table, buckets and chunk queue; yields the settings that name them.

    AWS_ENDPOINT_URL in the settings is this machine's view (127.0.0.1); a container uses events/env.json's.
    """
    from moto.server import ThreadedMotoServer

    # moto's werkzeug logs every call; the functions' own logs, in SAM's output, are the ones to read.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address=host, port=port, verbose=False)
    server.start()
    saved = dict(os.environ)
    try:
        _, bound_port = server.get_host_and_port()
        # create_resources() makes its clients from the environment: point it at this server, then put it back.
        os.environ.update(
            AWS_ENDPOINT_URL=f"http://127.0.0.1:{bound_port}",
            AWS_ACCESS_KEY_ID="local",
            AWS_SECRET_ACCESS_KEY="local",
            AWS_DEFAULT_REGION=REGION,
            **LOCAL_NAMES,
        )
        for name in ("CHUNK_QUEUE_URL", "AWS_PROFILE", "AWS_SESSION_TOKEN"):
            os.environ.pop(name, None)
        settings = {**LOCAL_NAMES, **create_resources(), "AWS_ENDPOINT_URL": os.environ["AWS_ENDPOINT_URL"]}
        os.environ.clear()
        os.environ.update(saved)
        yield settings
    finally:
        os.environ.clear()
        os.environ.update(saved)
        server.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m local.aws_server", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="0.0.0.0", help="address to listen on (default: every interface)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    args = parser.parse_args(argv)
    with moto_server(args.host, args.port) as settings:
        port = settings["AWS_ENDPOINT_URL"].rsplit(":", 1)[1]
        print(f"moto on {args.host}:{port} ({REGION}), with:", flush=True)
        for name in ("TABLE_NAME", "INPUT_BUCKET", "RESULTS_BUCKET", "CHUNK_QUEUE_URL"):
            print(f"  {name}={settings[name]}", flush=True)
        print(
            "Then, in another terminal (on Linux add --add-host host.docker.internal:host-gateway):\n"
            "  sam local invoke ApiFunction -e events/api_create_extraction.json --env-vars events/env.json"
            f" --region {REGION}\n"
            "Ctrl-C stops it.",
            flush=True,
        )
        with suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
