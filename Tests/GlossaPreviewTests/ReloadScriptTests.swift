@testable import GlossaPreview
import Testing

struct ReloadScriptTests {
    @Test func scriptGoesBeforeTheLastClosingBody() {
        let html = Array("<html><body><p>a</body> text </BODY></html>".utf8)
        let injected = String(decoding: ReloadScript.inject(into: html, errorText: nil), as: UTF8.self)
        #expect(injected.hasPrefix("<html><body><p>a</body> text <script>"))
        #expect(injected.hasSuffix("</script></BODY></html>"))
    }

    @Test func withoutBodyTheScriptIsAppended() {
        let injected = String(decoding: ReloadScript.inject(into: Array("<p>fragment".utf8), errorText: nil), as: UTF8.self)
        #expect(injected.hasPrefix("<p>fragment<script>"))
    }

    @Test func errorTextCannotCloseTheScript() {
        let tag = ReloadScript.tag(errorText: "a \"quote\" </script><!-- \\ \n line")
        #expect(tag.contains(#"initialError="a \"quote\" \u003c/script\u003e\u003c!-- \\ \n line""#))
        #expect(tag.components(separatedBy: "</script>").count == 2, "only the real closing tag")
    }

    @Test func errorEventsSendEveryLineAsData() {
        #expect(LiveReload.Event.error("one\ntwo").serverSentEvent == "event: error\ndata: one\ndata: two\n\n")
        #expect(LiveReload.Event.reload.serverSentEvent == "event: reload\ndata: reload\n\n")
        #expect(LiveReload.Event.reloadPages(["/a/", "/b.html"]).serverSentEvent == "event: reload\ndata: [\"/a/\",\"/b.html\"]\n\n")
    }

    @Test func changedPagesReloadOnlyThemselves() {
        #expect(LiveReload.reloadEvent(for: ["glossary/api/index.html", "index.html", "404.html", "feed.xml"])
            == .reloadPages(["/404.html", "/feed.xml", "/glossary/api/index.html", "/glossary/api/", "/index.html", "/"]))
        #expect(LiveReload.reloadEvent(for: ["glossary/api/index.html", "assets/style.css"]) == .reload, "a stylesheet can change every page")
        #expect(LiveReload.reloadEvent(for: (0...LiveReload.targetedReloadLimit).map { "t/\($0)/index.html" }) == .reload)
    }
}
