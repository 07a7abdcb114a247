//go:build !unix

package main

// cpuTime is not available here; timing replies then carry wall time only.
func cpuTime() int64 { return -1 }
