"""The static review site of a release: highlighted evidence beside the extracted rows, gold marks, plots."""
