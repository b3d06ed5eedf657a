"""``svidok ingest --dask``: analysis on a Dask distributed cluster (``dask[distributed]``, the
optional extra ``svidok[dask]``). Every worker needs svidok installed; the scheduler does not.

``local`` starts a LocalCluster of worker processes on this machine (one thread each: the
pipeline is pure Python and holds the GIL); ``tcp://host:port`` joins a running scheduler.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterable, Iterator

from ..errors import SvidokError
from .workers import (
    BATCHES_PER_WORKER,
    Item,
    analyse_batch,
    batched,
    default_workers,
    in_order,
    store_batch,
    warm_up,
)

# A batch that raises is computed again this many times; one lost with its worker is
# rescheduled by Dask itself (up to the scheduler's allowed-failures).
RETRIES = 2
CONNECT_TIMEOUT = "20s"


class DaskUnavailable(SvidokError):
    pass


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise DaskUnavailable(
            "--dask needs Dask distributed: pip install 'svidok[dask]' (on this machine and every worker)"
        ) from exc
    return distributed


try:  # optional: only --dask needs it
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - exercised without the extra installed
    _WorkerPlugin = object


class LoadPipeline(_WorkerPlugin):
    """Loads the pipeline when each worker starts (and on workers that join later), so the first
    batch a worker gets is not slowed by loading models."""

    name = "svidok-pipeline"

    def setup(self, worker) -> None:
        warm_up()


@contextlib.contextmanager
def dask_client(address: str, workers: int | None = None) -> Iterator:
    """A Client for ``address`` ("local" starts a LocalCluster with ``workers`` processes)."""
    distributed = _distributed()
    # Dask logs every connection at INFO; follow svidok's own verbosity (-v) instead
    logging.getLogger("distributed").setLevel(max(logging.WARNING, logging.getLogger().level))
    cluster = None
    try:
        if address == "local":
            cluster = distributed.LocalCluster(
                n_workers=workers or default_workers(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: never clash with a running dashboard
                silence_logs=logging.ERROR,  # keep stderr for the progress bar and skipped inputs
            )
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise DaskUnavailable(f"Cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        client.register_plugin(LoadPipeline())
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def worker_count(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def analyse_on_dask(
    items: Iterable[Item], client, batch_size: int, store_url: str | None = None, story_vectors: bool = False
) -> Iterator[Item]:
    """Analyse batches on the cluster, yielding items in input order for the one writer; with
    ``store_url`` (a PostgreSQL archive) the workers store their batches themselves, in parallel,
    and the items come back with their ``status``. ``story_vectors``: workers also embed each
    article's title and lead for the stories."""
    if store_url is None:
        task, args = analyse_batch, (story_vectors,)
    else:
        task, args = store_batch, (store_url, uuid.uuid4().hex, story_vectors)
    return in_order(
        lambda batch: client.submit(task, batch, *args, retries=RETRIES, pure=False),
        lambda future: future.result(),
        batched(items, batch_size),
        worker_count(client) * BATCHES_PER_WORKER,
    )
