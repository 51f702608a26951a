import Testing

/// The random property suites of disclosure control, which take seconds of CPU each, one at a
/// time: on a two-core machine they then hold at most one of Swift concurrency's threads, and
/// the database tests running beside them keep the other (their wait for a connection is
/// bounded at a second, and a starved thread missed it).
@Suite(.serialized) struct DisclosureProperties {}
