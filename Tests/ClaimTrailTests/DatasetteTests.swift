import Foundation
import Testing

@testable import ClaimTrail

/// The store as Datasette shows it: the metadata of `datasette-metadata`, and real Datasette
/// (PyPI `datasette`, installed by .ci/run) serving a store on a Unix socket.
@Suite("Datasette")
struct DatasetteTests {
    /// A store whose tables are longer than a Datasette page, with relays, counter-claims, every
    /// stance and speaker kind, hostile text, and a proposal waiting for review (of a claim known only
    /// from it), which Datasette's search must not find.
    private static func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try HostileStore.fill(temporary.store)
        let file = try ReliabilityTests.dataset(
            in: temporary.directory,
            name: "data",
            claims: 150,
            attributions: 1200,
            seed: 8
        )
        _ = try Importer(store: temporary.store, recordedBy: "t").importFile(atPath: file)
        let wire = try temporary.store.source("Wire copy")
        _ = try temporary.store.write {
            try ExtractionRecorder(store: temporary.store, recordedBy: "extractor").propose(
                [.quote("A convoy of dredgers is only proposed", by: "Harbour master")],
                source: wire
            )
        }
        return temporary
    }

    private static func run(_ arguments: [String], in temporary: TemporaryStore) throws -> String {
        let result = try Binary.run(arguments, database: temporary.path)
        #expect(result.status == 0, "claimtrail \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    @Test("datasette-metadata names the store's database, label columns, facets and the speaker index")
    func metadata() throws {
        let temporary = try TemporaryStore()
        let path = temporary.directory.appendingPathComponent("metadata.json").path
        _ = try Self.run(["datasette-metadata", "--out", path], in: temporary)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        )
        let databases = try #require(document["databases"] as? [String: [String: [String: [String: Any]]]])
        let tables = try #require(databases["store"]?["tables"])
        #expect(tables["claim"]?["label_column"] as? String == "text")
        #expect(tables["speaker"]?["label_column"] as? String == "name")
        #expect(tables["source"]?["label_column"] as? String == "title")
        #expect(tables["claim"]?["facets"] as? [String] == ["topic"])
        #expect(tables["attribution"]?["facets"] as? [String] == ["stance", "mode"])
        #expect(tables["speaker"]?["facets"] as? [String] == ["kind"])
        #expect(tables["speaker"]?["fts_table"] as? String == "speaker_fts")
        // Every table and view described exists in the store, and every column described too.
        for (table, entry) in tables {
            let columns = try temporary.store.database.prepare("SELECT name FROM pragma_table_info(?)")
                .map([table]) { $0.string(0) }
            #expect(!columns.isEmpty, "\(table)")
            let described = (entry["columns"] as? [String: String] ?? [:]).keys
            #expect(Set(described).isSubset(of: columns), "\(table)")
        }
        let missing = try Binary.run(["datasette-metadata", "--db", path + ".none"])
        #expect(missing.status == 1 && missing.stdout.isEmpty)
    }

    @Test(
        "Datasette searches claims, serves provenance_report as the CSV export, and facets as audit counts",
        .enabled(if: OutsideClient.enabled("datasette"), "datasette is not installed (pip install datasette)")
    )
    func realDatasette() throws {
        let temporary = try Self.store()
        let store = temporary.store
        let metadata = temporary.directory.appendingPathComponent("metadata.json").path
        _ = try Self.run(["datasette-metadata", "--out", metadata], in: temporary)
        let export = try Self.run(["export", "--format", "csv"], in: temporary)
        let audit = CSVParser.parseWithHeader(try Self.run(["audit", "--all", "--format", "csv"], in: temporary))

        // Datasette listens on a Unix socket in the store's own folder, not on a TCP port: a port
        // found free and then bound by Datasette could be taken in between by another process.
        // The socket is named relative to that folder, as a socket's whole path may be too long.
        let socketName = "datasette.sock"
        let server = Process()
        server.executableURL = URL(fileURLWithPath: OutsideClient.which("datasette") ?? "datasette")
        server.arguments = ["serve", temporary.path, "--uds", socketName, "-m", metadata]
        server.currentDirectoryURL = temporary.directory
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: the test process blocks SIGTERM, and a spawned program inherits the mask.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        let paths = [
            "/store/claim.json?_search=convoy&_shape=array&_size=max",
            "/store/provenance_report.csv?_stream=on&_size=max",
            "/store/attribution.json?state=accepted&_facet=stance&_facet=source_id&_facet_size=max&_size=0",
            "/store/provenance_report.json?speaker_kind=anonymous&_facet=source_id&_facet_size=max&_size=0",
            "/store/speaker.json?_search=speaker-7&_shape=array&_size=max",
            "/store/attribution.json?_search=dredgers&_shape=array&_size=max",
        ]
        let pages = try #require(
            try OutsideClient.python(Self.fetch, [temporary.directory.appendingPathComponent(socketName).path] + paths)
                as? [String: String]
        )
        let page = { (path: String) in Data((pages[path] ?? "").utf8) }

        // ?_search= returns the matching claims, and only those: not the claim known only from a proposal.
        let found = try #require(try JSONSerialization.jsonObject(with: page(paths[0])) as? [[String: Any]])
        let matching = try store.database.prepare("SELECT id, text FROM claim WHERE proposed = 0 ORDER BY id").map {
            row in
            (row.int64(0), row.string(1))
        }.filter { $0.1.range(of: #"\bconvoys?\b"#, options: [.regularExpression, .caseInsensitive]) != nil }.map(\.0)
        #expect(try temporary.count("claim WHERE proposed = 1 AND text LIKE '%convoy%'") == 1)
        let claims = try temporary.count("claim")
        #expect(!matching.isEmpty && matching.count < claims)
        #expect(found.compactMap { ($0["id"] as? NSNumber)?.int64Value }.sorted() == matching)

        // The view, streamed past Datasette's page size, is the export row for row.
        let served = CSVParser.parse(pages[paths[1]] ?? "")
        let exported = CSVParser.parse(export)
        #expect(exported.count > 1200)
        #expect(served == exported)

        // Facet counts: stances as the store counts them; per source, attributions and anonymous
        // attributions as `audit --all` counts them.
        let facets = { (path: String) throws -> [String: [String: Int]] in
            let json = try #require(try JSONSerialization.jsonObject(with: page(path)) as? [String: Any])
            let results = try #require(json["facet_results"] as? [String: [String: Any]])
            return results.mapValues { facet in
                Dictionary(
                    uniqueKeysWithValues: (facet["results"] as? [[String: Any]] ?? []).map {
                        ("\($0["value"] ?? "")", ($0["count"] as? Int) ?? -1)
                    }
                )
            }
        }
        let attributionFacets = try facets(paths[2])
        let stances = try store.database.prepare(
            "SELECT stance, count(*) FROM attribution WHERE state = 'accepted' GROUP BY stance"
        )
        .map { ($0.string(0), $0.int(1)) }
        #expect(attributionFacets["stance"] == Dictionary(uniqueKeysWithValues: stances))
        let bySource = { (column: String) in
            Dictionary(
                uniqueKeysWithValues: audit.compactMap { row -> (String, Int)? in
                    guard let id = row["source_id"], let count = row[column].flatMap(Int.init), count > 0 else {
                        return nil
                    }
                    return (id, count)
                }
            )
        }
        #expect(audit.count > 30)
        #expect(attributionFacets["source_id"] == bySource("attributions"))
        #expect(try facets(paths[3])["source_id"] == bySource("anonymous"))

        // Speakers are searched by name through the index the metadata names.
        let speakers = try #require(try JSONSerialization.jsonObject(with: page(paths[4])) as? [[String: Any]])
        #expect(speakers.compactMap { $0["name"] as? String }.contains { $0.hasSuffix("Speaker-7") })

        // The proposal's quote is in the attribution table, but not found until it is accepted.
        #expect(try temporary.count("attribution WHERE state = 'proposed' AND quote LIKE '%dredgers%'") == 1)
        #expect((try JSONSerialization.jsonObject(with: page(paths[5])) as? [Any])?.isEmpty == true)
    }

    /// Waits for the server on the Unix socket argv[1] to answer, then prints {path: body} for each
    /// later argument. The wait is long: on a loaded machine Datasette takes many seconds to start.
    private static let fetch = """
        import http.client, json, os, socket, sys, time
        folder, name = os.path.split(sys.argv[1])
        paths = sys.argv[2:]
        os.chdir(folder)

        class Connection(http.client.HTTPConnection):
            def connect(self):
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.settimeout(self.timeout)
                self.sock.connect(name)

        def get(path):
            connection = Connection("localhost", timeout=60)
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read().decode("utf-8")
                if response.status != 200:
                    raise OSError("%s answered %d: %s" % (path, response.status, body[:300]))
                return body
            finally:
                connection.close()

        deadline = time.time() + 180
        while True:
            try:
                get("/-/versions.json")
                break
            except Exception as error:
                if time.time() > deadline:
                    sys.exit("datasette did not answer: %s" % error)
                time.sleep(0.2)
        print(json.dumps({p: get(p) for p in paths}))
        """
}
