"""The driver script for spark-submit: ``sayso spark analyze`` with the cluster spark-submit set up.

    spark-submit --master yarn [--archives …] "$(python -m sayso.spark.submit --path)" \
        s3a://bucket/warc/ --output s3a://bucket/sayso/out/ [--partitions N]

Arguments are those of ``sayso spark analyze``; leave out ``--master`` so that the master,
executors and memory spark-submit was given are the ones used. ``python -m sayso.spark.submit
--path`` prints this file's path, for the command line above.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--path"]:
        print(__file__)
        return
    from sayso.cli import app

    app(["spark", "analyze", *args], prog_name="sayso")


if __name__ == "__main__":
    main()
