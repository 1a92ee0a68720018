"""Export types and pure rules: columns, cells, periods, names, formula neutralisation."""
