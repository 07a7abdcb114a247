package template

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// HumanizeDuration re-creates HumanizeDuration from
// github.com/prometheus/common/helpers/templates, which upstream registers
// directly. It takes seconds as a number or numeric string.
//
// Observed contract:
//   - NaN/±Inf print with %.4g and no unit ("NaN", "+Inf").
//   - |v| >= 1: whole-second breakdown "1d 2h 3m 4s", dropping leading zero
//     units; below one minute the seconds keep 4 significant digits ("1.234s").
//   - 0 < |v| < 1: scaled by 1000 per SI prefix (m, u, n, p, f, a, z, y) until
//     >= 1, printed with %.4g ("100ms", "123.5ms").
func HumanizeDuration(i any) (string, error) {
	v, err := toFloat(i)
	if err != nil {
		return "", err
	}
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Sprintf("%.4g", v), nil
	case v == 0:
		return fmt.Sprintf("%.4gs", v), nil
	case math.Abs(v) >= 1:
		sign := ""
		if v < 0 {
			sign, v = "-", -v
		}
		total := int64(v)
		days := total / 86400
		hours := total / 3600 % 24
		minutes := total / 60 % 60
		seconds := total % 60
		switch {
		case days != 0:
			return fmt.Sprintf("%s%dd %dh %dm %ds", sign, days, hours, minutes, seconds), nil
		case hours != 0:
			return fmt.Sprintf("%s%dh %dm %ds", sign, hours, minutes, seconds), nil
		case minutes != 0:
			return fmt.Sprintf("%s%dm %ds", sign, minutes, seconds), nil
		}
		return fmt.Sprintf("%s%.4gs", sign, v), nil
	}
	prefix := ""
	for _, p := range [...]string{"m", "u", "n", "p", "f", "a", "z", "y"} {
		if math.Abs(v) >= 1 {
			break
		}
		prefix = p
		v *= 1000
	}
	return fmt.Sprintf("%.4g%ss", v, prefix), nil
}

// toFloat accepts exactly the dynamic types prometheus/common's converter
// accepts; anything else (e.g. int32, float32, bool) is an error, which
// matters because it becomes the template's "error calling" text.
func toFloat(i any) (float64, error) {
	switch v := i.(type) {
	case float64:
		return v, nil
	case string:
		return strconv.ParseFloat(v, 64)
	case int:
		return float64(v), nil
	case uint:
		return float64(v), nil
	case int64:
		return float64(v), nil
	case uint64:
		return float64(v), nil
	case time.Duration:
		return v.Seconds(), nil
	default:
		return 0, fmt.Errorf("can't convert %T to float", v)
	}
}
