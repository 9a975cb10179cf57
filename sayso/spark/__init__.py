"""Spark batch mode: ingest and analyse many articles on a cluster, write Parquet, load it back.

- ``job``: the driver side of ``sayso spark analyze`` (a SparkSession, the job, its summary);
- ``worker``: what runs on the executors (reading inputs, analysing whole partitions with the
  spaCy model loaded once per Python worker process);
- ``contract``: the JSON contract as the tables' columns (no Spark or Arrow needed);
- ``load``: ``sayso load``, reading the tables back with pyarrow into a store.

Nothing here imports pyspark until a job is started. See docs/spark.md.
"""
