"""Articles in: files, folders, archives, tables and uploads read, decoded and cleaned into Documents; imports only the base modules (analysis.types, errors, limits)."""
