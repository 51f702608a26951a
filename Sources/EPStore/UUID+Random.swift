import Foundation

extension UUID {
    /// A random (version 4) UUID from the system's generator (getrandom). Foundation's `UUID()`
    /// on Linux opens, reads and closes /dev/urandom for every id, three system calls each, and
    /// a milestone write makes three ids (request, milestone, audit event).
    public static func random() -> UUID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }
}
