"""Public views of the data layer, one module per job (the catalogue; releases and corrections
add theirs)."""
