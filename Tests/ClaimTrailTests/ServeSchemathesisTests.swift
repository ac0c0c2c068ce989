import Foundation
import Testing

/// schemathesis (PyPI) against the real server and the openapi.yaml it serves, with an editor's
/// bearer token: every response matches the spec (status, content type, headers, body schema, 405 with
/// `Allow` for an undeclared method), and no input, however hostile, gets a 5xx. Examples are
/// limited, with a fixed seed, to keep the run within about two minutes.
@Suite("claimtrail serve: schemathesis")
struct ServeSchemathesisTests {
    @Test(
        "responses match openapi.yaml and no input causes a 5xx",
        .enabled(if: OutsideClient.enabled("schemathesis"))
    )
    func schemathesis() throws {
        let desk = try DeskFixture()
        // Something on every page: a speaker, an attribution and a counter-claim.
        try desk.run(["attribute", "1", "--source", "1", "--speaker", "Port authority", "--new-speaker"])
        try desk.run(["claim", "add", "The bridge stayed open"])
        try desk.run(["counter", "1", "The bridge stayed open"])
        let server = try RunningServer(database: desk.path)
        let result = try OutsideClient.run(
            "schemathesis",
            [
                "run", "http://127.0.0.1:\(server.port)/openapi.yaml",
                "--header", "Authorization: Bearer \(desk.tokens["ed"] ?? "")",
                "--checks",
                "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,"
                    + "response_schema_conformance,unsupported_method,allow_header_conformance",
                "--max-examples", "5", "--seed", "17", "--no-shrink", "--workers", "1",
                "--generation-allow-x00", "true",
                // The seed alone chooses the inputs: no examples saved by an earlier run are replayed.
                "--generation-database", "none",
                // A request may take its time on a loaded machine (a debug build among a dozen busy
                // processes): exceeding schemathesis' default limit of 10 s is not a finding.
                "--request-timeout", "300",
            ]
        )
        #expect(result.status == 0, "\(result.output.suffix(6000))")
        #expect(server.stop() == 0)
    }
}
