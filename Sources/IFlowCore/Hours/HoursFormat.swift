/// How replies show durations: hours with two decimals.
public enum HoursFormat {
    /// `minutes` as hours with exactly two decimals, rounded half away from zero: 450 → "7.50", 1 → "0.02",
    /// -75 → "-1.25", 0 → "0.00".
    ///
    /// Integer arithmetic only, so the result is exact (no binary floating-point rounding).
    public static func hours(minutes: Int) -> String {
        let scaled = minutes.magnitude * 100
        var hundredths = scaled / 60
        if (scaled % 60) * 2 >= 60 { hundredths += 1 }
        // A non-zero minute count is at least 0.02 h, so a minus sign never precedes "0.00".
        let sign = minutes < 0 ? 1 : 0
        var wholeDigits = 1
        var rest = hundredths / 1_000
        while rest > 0 {
            wholeDigits += 1
            rest /= 10
        }
        let length = sign + wholeDigits + 3
        // Digits written in place, last first, rather than strings concatenated: a month's report formats three
        // figures per employee and day.
        return String(unsafeUninitializedCapacity: length) { out in
            var value = hundredths
            var at = length
            func digit() {
                at -= 1
                out[at] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            digit()
            digit()
            at -= 1
            out[at] = UInt8(ascii: ".")
            repeat { digit() } while value > 0
            if sign == 1 { out[0] = UInt8(ascii: "-") }
            return length
        }
    }
}
