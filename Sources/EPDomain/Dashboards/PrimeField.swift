/// Arithmetic modulo a prime far above any count, in which solving the dashboards' small systems
/// of whole-number equations is exact (`SmallNumberSuppression`'s check of what several groups
/// give away together, and the tests' attackers).
enum PrimeField {
    static let prime = 2_147_483_647

    /// `x` as a residue in `0..<prime`.
    static func residue(_ x: Int) -> Int { ((x % prime) + prime) % prime }

    /// The multiplicative inverse of a non-zero residue (Fermat: x^(p−2)).
    static func inverse(_ x: Int) -> Int {
        var (result, base, exponent) = (1, residue(x), prime - 2)
        while exponent > 0 {
            if exponent & 1 == 1 { result = result * base % prime }
            base = base * base % prime
            exponent >>= 1
        }
        return result
    }
}
