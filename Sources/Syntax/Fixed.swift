/// `x` with two decimals ("95.43"), without Foundation.
func fixed2(_ x: Double) -> String {
    guard x.isFinite else { return "\(x)" }
    let scaled = Int((abs(x) * 100).rounded())
    let frac = scaled % 100
    return (x < 0 && scaled > 0 ? "-" : "") + "\(scaled / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
}
