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
        let fraction = hundredths % 100
        // A non-zero minute count is at least 0.02 h, so a minus sign never precedes "0.00".
        return (minutes < 0 ? "-" : "") + String(hundredths / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
