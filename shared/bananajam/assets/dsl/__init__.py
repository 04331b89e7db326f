"""The JSON asset spec language (DSL): models, layer renderers and the loader."""
