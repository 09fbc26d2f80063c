"""Pure text functions: decoding, cleaning, segmentation, dates. No Dagster imports."""
