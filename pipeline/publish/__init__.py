"""Release documents built from the schemas and datapackage.json: codebook, Croissant metadata, release note."""
