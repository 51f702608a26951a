import EPServer
import Foundation
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

    /// The README's table is the one list of settings: every variable the server reads is in it.
    @Test func everySettingTheServerReadsIsInTheREADMETable() throws {
        let source = try String(contentsOf: TestDatabase.repository.appendingPathComponent("Sources/EPServer/Config/ServerConfiguration.swift"), encoding: .utf8)
        let readme = try String(contentsOf: TestDatabase.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let table = readme.split(separator: "\n").filter { $0.hasPrefix("| `") }.joined(separator: "\n")
        let read = Set(source.matches(of: #/environment\["([A-Z_]+)"\]/#).map { String($0.output.1) })
        #expect(read.count >= 20, "\(read)")
        for name in read.sorted() {
            #expect(table.contains("`\(name)`"), "\(name) is read by the server but not in README's Configuration table")
        }
    }

    /// OIDC bearer tokens need an issuer and an audience; the keys are the issuer's published
    /// ones unless a JWKS file pins them.
    @Test func oidcBearerTokensNeedAnIssuerAndAnAudienceAndMayPinTheKeys() throws {
        let issuer = "https://login.microsoftonline.com/5d2e3c1a-0000-4000-8000-00000000abcd/v2.0"
        let published = try #require(try ServerConfiguration(environment: ["EPTRACK_OIDC_ISSUER": issuer, "EPTRACK_OIDC_AUDIENCE": "api://eptrack"]).oidc)
        #expect(published.issuer == issuer && published.audience == "api://eptrack" && published.jwksFile == nil)
        let pinned = try ServerConfiguration(environment: [
            "EPTRACK_OIDC_ISSUER": issuer, "EPTRACK_OIDC_AUDIENCE": "api://eptrack", "EPTRACK_OIDC_JWKS_FILE": "/etc/eptrack/jwks.json",
        ])
        #expect(pinned.oidc?.jwksFile == "/etc/eptrack/jwks.json")
        #expect {
            try ServerConfiguration(environment: ["EPTRACK_OIDC_JWKS_FILE": "/etc/eptrack/jwks.json"])
        } throws: { error in
            "\(error)" == "OIDC bearer tokens need EPTRACK_OIDC_ISSUER and EPTRACK_OIDC_AUDIENCE; missing EPTRACK_OIDC_ISSUER, EPTRACK_OIDC_AUDIENCE"
        }
    }
}
