"""Answer-quality suites: schemas, metrics, runner, reports."""
