package template

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// HumanizeDuration models humanizeDuration, which Alertmanager takes from
// github.com/prometheus/common (helpers/templates). The argument is a number
// of seconds, as a number or a numeric string. The results it must give:
//
//   - NaN and the infinities: %.4g alone ("NaN", "+Inf", "-Inf").
//   - Zero and 1 <= |v| < 60: %.4g then "s" ("0s", "1.5s", "-2s"; -0 keeps
//     its sign, and 59.99999 rounds to "60s").
//   - |v| >= 60: whole seconds split into days, hours, minutes and seconds,
//     starting from the largest non-zero unit ("1m 0s", "1d 0h 0m 5s"), after
//     a "-" for negative input. The seconds go through Go's int64
//     conversion, so on amd64 a value beyond int64 wraps to its minimum.
//   - 0 < |v| < 1: multiplied by 1000 per SI prefix (m, u, n, p, f, a, z, y)
//     until |v| >= 1 or the prefixes run out, then %.4g, the prefix and "s"
//     ("250ms", "1e-06ys").
func HumanizeDuration(i any) (string, error) {
	secs, err := toFloat(i)
	switch {
	case err != nil:
		return "", err
	case math.IsNaN(secs) || math.IsInf(secs, 0):
		return fmt.Sprintf("%.4g", secs), nil
	case secs != 0 && math.Abs(secs) < 1:
		return subSecond(secs), nil
	}
	return clockUnits(secs), nil
}

// siPrefixes are the sub-second prefixes, a factor of 1000 apart.
const siPrefixes = "munpfazy"

func subSecond(secs float64) string {
	steps := 0
	for steps < len(siPrefixes) && math.Abs(secs) < 1 {
		secs *= 1000
		steps++
	}
	return fmt.Sprintf("%.4g%cs", secs, siPrefixes[steps-1])
}

func clockUnits(secs float64) string {
	sign := ""
	if secs < 0 {
		sign, secs = "-", -secs
	}
	if secs < 60 {
		return fmt.Sprintf("%s%.4gs", sign, secs)
	}
	whole := int64(secs)
	units := []struct {
		n    int64
		unit string
	}{
		{whole / 86400, "d"},
		{whole / 3600 % 24, "h"},
		{whole / 60 % 60, "m"},
		{whole % 60, "s"},
	}
	for len(units) > 1 && units[0].n == 0 {
		units = units[1:]
	}
	parts := make([]string, len(units))
	for k, u := range units {
		parts[k] = strconv.FormatInt(u.n, 10) + u.unit
	}
	return sign + strings.Join(parts, " ")
}

// toFloat reads humanizeDuration's argument. Only these dynamic types are
// numbers to it: int32, float32, bool and the rest fail with the error text
// below, which templates show after "error calling humanizeDuration: ".
func toFloat(arg any) (float64, error) {
	switch x := arg.(type) {
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case uint:
		return float64(x), nil
	case uint64:
		return float64(x), nil
	case time.Duration:
		return x.Seconds(), nil
	case string:
		return strconv.ParseFloat(x, 64)
	}
	return 0, fmt.Errorf("can't convert %T to float", arg)
}
