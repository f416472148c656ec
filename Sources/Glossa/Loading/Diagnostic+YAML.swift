import Yams

extension Diagnostic {
    /// Turns a Yams error into a diagnostic pointing into the real file.
    ///
    /// - Parameter firstLine: the file line on which the YAML text starts (2 for front matter
    ///   after its `---` fence, 1 for `site.yml`).
    static func yaml(_ error: Error, in source: SourceText, firstLine: Int, what: String) -> Diagnostic {
        let (problem, mark): (String, Mark?) = switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _)?, .parser(let context, let problem, let mark, _)?,
             .composer(let context, let problem, let mark, _)?:
            (context.map { "\(problem) (\($0.text))" } ?? problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context)?:
            ("duplicate field \(duplicates.joined(separator: ", "))", context.mark)
        case .reader(let problem, _, _, _)?:
            (problem, nil)
        default:
            ("\(error)", nil)
        }
        let line = (mark?.line ?? 1) + firstLine - 1
        return .error("invalid YAML \(what): \(problem)",
                      at: source.location(line: line, column: mark?.column ?? 1), sourceLine: source.line(line))
    }
}
