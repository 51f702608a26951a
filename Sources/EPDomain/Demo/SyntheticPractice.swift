extension SyntheticJourneys {
    /// How a local authority's service does EP, for synthetic journeys: the shares that decide
    /// how many children are placed with EP carers. Across England between about 3% and 35% of
    /// children with authority to place live with EP carers; the presets fall either side of
    /// the middle, so two demo authorities do not look alike.
    public struct Practice: Hashable, Sendable {
        /// Percent of children for whom EP is decided at all (the rest never have it considered).
        public var decides: Int
        /// Percent of decisions for a baby under six months (or unborn) that recommend EP; fewer
        /// for older children.
        public var recommends: Int
        /// Percent of standing recommendations for which EP carers are found.
        public var findsCarers: Int
        /// Percent of children with EP carers ready on the day they enter care who go to them
        /// straight from hospital or home, rather than to an interim placement first.
        public var placesDirectly: Int
        /// Percent of children, among those whose family track fails, for whom EP is decided only
        /// after it has failed (sequential planning).
        public var plansSequentially: Int

        public init(decides: Int, recommends: Int, findsCarers: Int, placesDirectly: Int, plansSequentially: Int) {
            self.decides = decides
            self.recommends = recommends
            self.findsCarers = findsCarers
            self.placesDirectly = placesDirectly
            self.plansSequentially = plansSequentially
        }

        /// A service where EP is established: nearly every child considered, carers usually found.
        public static let established = Practice(decides: 92, recommends: 32, findsCarers: 70, placesDirectly: 65, plansSequentially: 10)
        /// A service still building EP: many children never considered, few carers.
        public static let developing = Practice(decides: 65, recommends: 20, findsCarers: 25, placesDirectly: 35, plansSequentially: 40)
        /// Between the two.
        public static let typical = Practice(decides: 80, recommends: 26, findsCarers: 55, placesDirectly: 50, plansSequentially: 25)
    }
}
