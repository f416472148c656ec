/// The sample content `glossa init` writes: small, but exercising what a glossary does —
/// a term with the usual sections, a post that links to it, an About page, a menu and an author.
enum SampleSite {
    static func files(date: ContentDate) -> [EmbeddedFile] {
        [
            EmbeddedFile(path: ".gitignore", text: "/Output/\n/.glossa-cache/\n"),
            EmbeddedFile(path: "Content/site.yml", text: siteYML),
            EmbeddedFile(path: "Content/glossary/static-site-generator.md", text: term(date: date)),
            EmbeddedFile(path: "Content/blog/welcome.md", text: post(date: date)),
            EmbeddedFile(path: "Content/pages/about.md", text: aboutPage),
        ]
    }

    static let siteYML = """
        title: My Glossary
        baseURL: https://glossary.example.com/
        description: Plain-language definitions of the words our field uses.
        language: en
        dateFormat: "MMMM d, yyyy"
        wordsPerMinute: 200
        menu:
          - { title: Glossary, url: /glossary/ }
          - { title: Blog, url: /blog/ }
          - { title: About, url: /about/ }
        footer:
          - { title: About, url: /about/ }
        authors:
          editor:
            name: The Editor
            bio: Writes and reviews the entries of this glossary.
            url: /about/
        brokenLinks: error

        """

    static func term(date: ContentDate) -> String {
        """
        ---
        title: Static Site Generator
        description: A program that turns text files and templates into a folder of ready-made web pages.
        date: \(date.isoDate)
        tags: [basics]
        synonyms: [SSG]
        author: editor
        ---

        A static site generator builds a whole website ahead of time, so that a plain web server
        or CDN can hand out finished pages without running any code per request.

        ## Overview

        You write content as Markdown files and the look of the site as templates. The generator
        combines the two into HTML, adds indexes, feeds and a sitemap, and writes everything into
        one output folder.

        ## Advantages

        - **Fast:** every page is ready before anyone asks for it.
        - **Safe:** there is no database or application server to attack.
        - **Cheap:** any static host can serve the result.

        ## Applications

        Documentation, blogs, and glossaries like this one, where pages change when authors
        edit them rather than on every visit.

        ## Conclusion

        Edit this file, or run `glossa new term "Your Term"` to add the next entry.

        """
    }

    static func post(date: ContentDate) -> String {
        """
        ---
        title: Welcome to Your Glossary
        description: How this site is organised and how to add to it.
        date: \(date.isoDate)
        tags: [basics]
        author: editor
        ---

        Terms live in `Content/glossary/`, one Markdown file each; posts like this one in
        `Content/blog/`. Start with the [static site generator](/glossary/static-site-generator/)
        entry, then run `glossa serve` and watch the pages update as you type.

        """
    }

    static let aboutPage = """
        ---
        title: About
        description: Who writes this glossary and why.
        ---

        This glossary explains the vocabulary of our field in plain language.

        """
}
