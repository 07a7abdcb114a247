//go:build unix

package main

import "syscall"

// cpuTime is the CPU time (user and system) this process has used so far, in
// nanoseconds, or -1 when it cannot be read. Benchmarks on a busy machine
// compare CPU time, which waiting for a core does not inflate.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
