"""Built-in asset types, one module per family; each module registers its types on import."""
