"""Ports of the parts of Go's standard library templates reach: fmt, strconv, strings, time,
regexp, encoding/json, net/url and encoding/base64 (one module each, named after the package)."""
