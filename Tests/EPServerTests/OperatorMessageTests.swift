import EPDomain
import EPServer
import Testing

/// The operator's commands word a refusal as the API does, naming the command's own option
/// where the command says which, and leave errors no caller causes to be reported as errors.
@Suite struct OperatorMessageTests {
    @Test func aRefusedFieldIsNamedByTheCommandsOption() {
        let refusal = ValidationError(.invalidField, field: "/days", "a token lasts 1 to 365 days")
        #expect(Problem.operatorMessage(for: refusal, options: ["/days": "--expires"]) == "--expires: a token lasts 1 to 365 days")
        #expect(Problem.operatorMessage(for: refusal) == "/days: a token lasts 1 to 365 days", "no option given: the API's field")
        #expect(Problem.operatorMessage(for: ServiceError.notFound("no token 0b7c…")) == "no token 0b7c…")
    }

    @Test func anErrorNoCallerCausesIsNotWordedAsARefusal() {
        struct DiskFull: Error {}
        #expect(Problem.operatorMessage(for: DiskFull()) == nil)
    }
}

/// Who the audit trail names for an operator's command.
@Suite struct OperatorLoginTests {
    @Test func theLoginIsThePersonsWhereverTheCommandRuns() {
        #expect(Operator.login(environment: ["USER": "alice", "LOGNAME": "alice"], account: "alice") == "alice")
        #expect(Operator.login(environment: ["SUDO_USER": "alice", "USER": "root"], account: "root") == "alice", "the person behind sudo")
        #expect(Operator.login(environment: [:], account: "root") == "root", "a container, cron or systemd: the account")
        #expect(Operator.login(environment: ["USER": ""], account: "eptrack") == "eptrack")
        #expect(Operator.login(environment: [:], account: "") == "unknown")
    }
}
