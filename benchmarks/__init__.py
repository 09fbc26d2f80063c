"""The performance benchmark behind `make bench`: synthetic corpora, baselines, the pipeline's stages and Dagster."""
