import Hummingbird

/// Every route of the server, in one place, so that they can be laid out on more than one router.
struct DeskRoutes {
    let signIn: SignInRoutes
    let read: ReadRoutes
    let write: WriteRoutes
    let downloads: DownloadRoutes

    init(store: StoreAccess, cookies: CookiePolicy) {
        signIn = SignInRoutes(store: store, cookies: cookies)
        read = ReadRoutes(store: store)
        write = WriteRoutes(store: store)
        downloads = DownloadRoutes(store: store)
    }

    func add(to router: Router<DeskContext>) {
        router.on("/") { _, _, _ in Response.redirect(to: "/contested") }
        router.on("/style.css") { _, _, _ in Response.text(PageLayout.style, type: "text/css; charset=utf-8") }
        router.on("/openapi.yaml") { _, _, _ in
            Response.text(String(decoding: PackageResources.openapi_yaml, as: UTF8.self), type: "application/yaml")
        }
        signIn.add(to: router)
        read.add(to: router)
        write.add(to: router)
        downloads.add(to: router)
    }
}
