namespace NewsDesk.Reading.Seo;

/// <summary>What the layout puts in <c>&lt;head&gt;</c> for one page: canonical link, OpenGraph, Twitter, feeds, JSON-LD.
/// Pages set it as <c>ViewData["Meta"]</c>.</summary>
public sealed class PageMeta
{
    public const string Key = "Meta";

    /// <summary>The page's title without the site's name; null on the front page.</summary>
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Site-relative path (and query) of the canonical URL, "/regions/japan?page=2".</summary>
    public required string CanonicalPath { get; init; }

    /// <summary>OpenGraph type: "website" or "article".</summary>
    public string Type { get; init; } = "website";

    public string? ImageUrl { get; init; }

    public string? ImageAlt { get; init; }

    public DateTime? PublishedAt { get; init; }

    public DateTime? ModifiedAt { get; init; }

    /// <summary>Pages search engines should not index (search results, filtered lists).</summary>
    public bool NoIndex { get; init; }

    public IReadOnlyList<FeedLink> Feeds { get; init; } = [];

    /// <summary>schema.org objects, each written as one <c>application/ld+json</c> script.</summary>
    public IReadOnlyList<object> JsonLd { get; init; } = [];
}

public sealed record FeedLink(string Title, string Path, string MediaType)
{
    public static IReadOnlyList<FeedLink> Both(string title, string basePath) =>
    [
        new(title + " (Atom)", basePath + "feed.xml", "application/atom+xml"),
        new(title + " (JSON Feed)", basePath + "feed.json", "application/feed+json"),
    ];
}
