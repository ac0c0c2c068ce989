import Foundation
import Testing

/// What the server answers a path it has with a method that path does not take (405 with
/// `Allow`), and a path it does not have (404), each as JSON or as a page as the request asks.
@Suite("claimtrail serve: methods and unknown paths")
struct ServeMethodTests {
    @Test("a known path with an undeclared method is 405 with Allow; an unknown path is 404")
    func methodsAndPaths() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        let json = desk.bearer("ed").merging(["Accept": "application/json"]) { $1 }
        let cases: [(method: String, path: String, allow: String)] = [
            ("DELETE", "/api/contested", "GET, HEAD"),
            ("POST", "/api/claims/1", "GET, HEAD"),
            ("GET", "/api/claims", "POST"),
            ("PUT", "/claims/1/attributions", "POST"),
            ("PUT", "/login.json", "GET, HEAD, POST"),
        ]
        for (method, path, allow) in cases {
            let reply = try server.send(method, path, headers: json, body: method == "GET" ? nil : "")
            #expect(reply.status == 405, "\(method) \(path): \(reply.status)")
            #expect(reply.header("Allow") == allow, "\(method) \(path)")
            #expect((reply.json as? [String: Any])?["status"] as? Int == 405, "\(method) \(path)")
        }
        let page = try server.send("DELETE", "/contested", headers: desk.bearer("ed"))
        #expect(page.status == 405)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(page.body.contains("DELETE is not allowed here"))

        let unknown = try server.send("GET", "/api/nothing-here", headers: json)
        #expect(unknown.status == 404)
        #expect(unknown.header("Allow") == nil)
        #expect((unknown.json as? [String: Any])?["error"] as? String == "no such page")
        let unknownPage = try server.send("POST", "/claims/1/nothing", headers: desk.bearer("ed"), body: "")
        #expect(unknownPage.status == 404)
        #expect(unknownPage.header("Content-Type")?.hasPrefix("text/html") == true)
        // A route's own 404 (no such claim) stays a 404 for the method the path takes.
        #expect(try server.send("GET", "/api/claims/999", headers: json).status == 404)
        #expect(server.stop() == 0)
    }

    @Test("HEAD, which every Allow lists beside GET, answers as GET does, without the body")
    func headAnswersAsGet() throws {
        let desk = try DeskFixture()
        let server = try RunningServer(database: desk.path)
        for path in ["/contested", "/claims/1", "/claims/1.json", "/api/claims/1", "/export?format=csv"] {
            let get = try server.send("GET", path, headers: desk.bearer("ed"))
            let head = try server.send("HEAD", path, headers: desk.bearer("ed"))
            #expect(get.status == 200 && !get.body.isEmpty, "GET \(path): \(get.status)")
            #expect(head.status == 200, "HEAD \(path): \(head.status)")
            #expect(head.header("Content-Type") == get.header("Content-Type"), "HEAD \(path)")
            #expect(head.body.isEmpty, "HEAD \(path)")
        }
        #expect(try server.send("HEAD", "/api/claims/999", headers: desk.bearer("ed")).status == 404)
        #expect(server.stop() == 0)
    }
}
