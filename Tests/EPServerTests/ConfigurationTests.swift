import EPServer
import Testing

/// The environment the server starts from: defaults, and one clear line for a bad value.
@Suite struct ConfigurationTests {
    @Test func theDefaultsNeedNoEnvironment() throws {
        let configuration = try ServerConfiguration(environment: [:])
        #expect(configuration.database.description == ServerConfiguration.defaultDatabase)
        #expect(configuration.port == 8080)
        #expect(configuration.databaseConnections == 20)
        #expect(configuration.databaseWait == .seconds(1))
    }

    @Test func theDatabasePoolSizeIsConfigured() throws {
        #expect(try ServerConfiguration(environment: ["EPTRACK_DB_CONNECTIONS": "6"]).databaseConnections == 6)
        #expect(try ServerConfiguration(environment: ["EPTRACK_DB_CONNECTIONS": "500"]).databaseConnections == 500)
    }

    @Test(arguments: ["0", "501", "-3", "twenty", "", "6.5"])
    func aPoolSizeOutsideOneToFiveHundredStopsTheStart(value: String) {
        #expect {
            try ServerConfiguration(environment: ["EPTRACK_DB_CONNECTIONS": value])
        } throws: { error in
            "\(error)" == "EPTRACK_DB_CONNECTIONS must be a whole number of connections from 1 to 500"
        }
    }
}
