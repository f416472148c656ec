/// Open Graph conventions that differ from HTML's.
enum OpenGraph {
    /// Territories for languages whose `og:locale` is usually given without one in `site.yml`.
    /// Open Graph wants `language_TERRITORY`; a bare language is still accepted for the rest.
    static let defaultTerritories: [String: String] = [
        "en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL",
        "sv": "SE", "da": "DK", "nb": "NO", "fi": "FI", "cs": "CZ", "ru": "RU", "uk": "UA", "ja": "JP",
        "ko": "KR", "zh": "CN", "tr": "TR", "el": "GR", "he": "IL", "ar": "AR",
    ]

    /// `en` → `en_US`, `pt-BR` → `pt_BR`, `eo` → `eo`.
    static func locale(for language: String) -> String {
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first else { return language }
        let code = first.lowercased()
        if parts.count >= 2, let territory = parts.last, territory.count == 2 { return code + "_" + territory.uppercased() }
        return defaultTerritories[code].map { code + "_" + $0 } ?? code
    }
}
