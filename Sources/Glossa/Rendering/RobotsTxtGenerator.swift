/// Writes `robots.txt`: everything may be crawled, and here is the sitemap.
struct RobotsTxtGenerator {
    var permalinks: Permalinks

    func generate() -> String {
        """
        User-agent: *
        Allow: /

        Sitemap: \(permalinks.absolute(permalinks.sitemap()))

        """
    }
}
