/// A Mustache template parsed once into a tree the renderer walks for every page.
public struct CompiledTemplate: Sendable {
    var nodes: [TemplateNode]
}

/// A name in a tag: `title`, `page.title`, `.` (the current item), or a sequence position
/// such as `first()`.
struct TemplateName: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Looked up from the innermost context outwards, then field by field.
        case path([String])
        /// `.`, or a path starting with `.` that only looks at the current item.
        case current([String])
        /// `first()`, `last()`, `index()`, `even()`, `odd()` inside a list section.
        case position(String)
    }

    var kind: Kind
    /// As written, to match a closing tag against its section.
    var text: String
}

indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` where a parent template lets its children fill in content.
    case block(String, defaultNodes: [TemplateNode], indentation: [UInt8])
    /// `{{$name}}…{{/name}}` directly inside `{{< parent}}`: the content that replaces the parent's block.
    case blockOverride(String, [TemplateNode])
    /// `{{% CONTENT_TYPE: TEXT}}` turns escaping off for the rest of the template; `HTML` turns it on.
    case escaping(Bool)
}
