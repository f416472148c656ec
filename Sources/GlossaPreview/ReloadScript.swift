import Foundation

/// The script `glossa serve` adds to every HTML page it sends, and only there: `glossa build`
/// output never contains it.
///
/// It listens on `/__glossa/events`, reloads on `reload`, and on `error` lays the build's
/// diagnostics over the page. The overlay is filled with `textContent`, so diagnostics that quote
/// HTML cannot inject markup.
enum ReloadScript {
    /// `html` with the script inserted before the last `</body>` (or appended when there is none).
    /// `errorText` is the current build error, shown as soon as the page loads.
    static func inject(into html: [UInt8], errorText: String?) -> [UInt8] {
        let script = Array(tag(errorText: errorText).utf8)
        var result = html
        if let closingBody = lastClosingBody(in: html) {
            result.insert(contentsOf: script, at: closingBody)
        } else {
            result.append(contentsOf: script)
        }
        return result
    }

    static func tag(errorText: String?) -> String {
        "<script>(function(){var initialError=\(javaScriptString(errorText));\(body)})();</script>"
    }
}

private extension ReloadScript {
    static let body = """
        var overlay=null;\
        function show(text){if(!overlay){overlay=document.createElement("pre");overlay.id="glossa-error-overlay";\
        overlay.setAttribute("style","position:fixed;inset:0;z-index:2147483647;margin:0;padding:2rem;overflow:auto;\
        background:rgba(24,20,20,.95);color:#ffd7d7;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap");\
        document.body.appendChild(overlay);}\
        overlay.textContent="glossa: the last rebuild failed; the page underneath is the last good build.\\n\\n"+text;}\
        if(initialError)show(initialError);\
        if(!window.EventSource)return;\
        var source=new EventSource("\(LiveReload.eventsPath)");\
        source.addEventListener("reload",function(event){var pages=null;try{pages=JSON.parse(event.data);}catch(e){}\
        if(!Array.isArray(pages)){location.reload();return;}\
        var here=location.pathname;try{here=decodeURIComponent(here);}catch(e){}\
        if(pages.indexOf(here)>=0)location.reload();});\
        source.addEventListener("error",function(event){if(typeof event.data==="string")show(event.data);});
        """

    /// A JavaScript string literal (or `null`) that is also safe inside `<script>`: `<` is escaped,
    /// so neither `</script>` nor `<!--` in a diagnostic can end the element.
    static func javaScriptString(_ text: String?) -> String {
        guard let text else { return "null" }
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "<", ">", "&", "\u{2028}", "\u{2029}": literal += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 {
                    literal += String(format: "\\u%04x", scalar.value)
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "\""
    }

    /// The offset of the last `</body>`, any letter case.
    static func lastClosingBody(in bytes: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        var index = bytes.count - needle.count
        while index >= 0 {
            var matches = true
            for (offset, expected) in needle.enumerated() {
                let byte = bytes[index + offset]
                let lowered = (byte >= 65 && byte <= 90) ? byte + 32 : byte
                if lowered != expected { matches = false; break }
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }
}
