"""Ports of the parts of Go's standard library templates reach: fmt, strconv, time, regexp."""
