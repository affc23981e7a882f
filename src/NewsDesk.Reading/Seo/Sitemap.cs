using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading.Seo;

/// <summary>
/// /sitemap.xml lists the front page, the region, topic, tag and author indexes, every region and topic page with at least one
/// published story, and every published story. Pages of the thousands of built-in regions without stories are left
/// out (and carry noindex) until a story is filed there: search engines treat empty listings as thin content.
/// A sitemap holds at most 50,000 URLs, so past that /sitemap.xml becomes a sitemap index of /sitemaps/pages.xml and
/// /sitemaps/articles-N.xml.
/// </summary>
public sealed class Sitemap(StoryQueries stories, ReadingTaxonomy taxonomy, StoryCounts counts, SiteUrls urls, SitemapLimits limits)
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string ContentType = "application/xml; charset=utf-8";

    public async Task<IResult> RootAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var pages = await PagesAsync(cancellationToken);
        var articleCount = await stories.Published().CountAsync(cancellationToken);
        var baseUrl = urls.Base(http.Request);
        if (pages.Count + articleCount <= limits.MaxUrls)
        {
            var articles = await ArticlesAsync(0, limits.MaxUrls, cancellationToken);
            return Results.Text(UrlSet(baseUrl, pages.Concat(articles)), ContentType, Encoding.UTF8);
        }

        var parts = (articleCount + limits.ArticlesPerPart - 1) / limits.ArticlesPerPart;
        return Results.Text(Index(baseUrl, Enumerable.Range(1, parts).Select(n => $"/sitemaps/articles-{n}.xml").Prepend("/sitemaps/pages.xml")), ContentType, Encoding.UTF8);
    }

    public async Task<IResult> PartAsync(HttpContext http, string name, CancellationToken cancellationToken)
    {
        var baseUrl = urls.Base(http.Request);
        // Like every route here (and the output cache's keys) the names ignore case; the route's pattern also lets a
        // trailing line break through ("pages\n"), which names nothing.
        if (name.Equals("pages", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Text(UrlSet(baseUrl, await PagesAsync(cancellationToken)), ContentType, Encoding.UTF8);
        }

        // Any run of digits passes the route; one too long for a number is a part that does not exist.
        if (!name.StartsWith("articles-", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(name.AsSpan("articles-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var part) || part < 1)
        {
            return Results.NotFound();
        }

        var articles = await ArticlesAsync((int)Math.Min(int.MaxValue, (part - 1L) * limits.ArticlesPerPart), limits.ArticlesPerPart, cancellationToken);
        return articles.Count == 0 ? (IResult)Results.NotFound() : Results.Text(UrlSet(baseUrl, articles), ContentType, Encoding.UTF8);
    }

    private async Task<List<(string Path, DateTime? LastModified)>> PagesAsync(CancellationToken cancellationToken)
    {
        var snapshot = await taxonomy.GetAsync(cancellationToken);
        var stats = await counts.GetAsync(cancellationToken);
        var pages = new List<(string, DateTime?)> { ("/", null), ("/regions", null), ("/topics", null), ("/tags", null), ("/authors", null) };
        pages.AddRange(snapshot.Regions.Where(r => stats.Count(r.Id) > 0).OrderBy(r => r.Path, StringComparer.Ordinal).Select(r => (r.Url, (DateTime?)null)));
        pages.AddRange(snapshot.Topics.Where(t => stats.TopicsAllTime.GetValueOrDefault(t.Id) > 0).Select(t => (t.Url, (DateTime?)null)));
        return pages;
    }

    private async Task<List<(string Path, DateTime? LastModified)>> ArticlesAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await stories.Published().OrderBy(a => a.Id).Skip(skip).Take(take)
            .Select(a => new { a.Slug, a.PublishedAt, a.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => ("/articles/" + r.Slug, (DateTime?)(r.UpdatedAt > r.PublishedAt ? r.UpdatedAt : r.PublishedAt)))];
    }

    private static string UrlSet(string baseUrl, IEnumerable<(string Path, DateTime? LastModified)> entries) => Write(xml =>
    {
        xml.WriteStartElement("urlset", Ns);
        foreach (var (path, lastModified) in entries)
        {
            xml.WriteStartElement("url", Ns);
            xml.WriteElementString("loc", Ns, baseUrl + path);
            if (lastModified is { } at)
            {
                xml.WriteElementString("lastmod", Ns, at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    private static string Index(string baseUrl, IEnumerable<string> parts) => Write(xml =>
    {
        xml.WriteStartElement("sitemapindex", Ns);
        foreach (var part in parts)
        {
            xml.WriteStartElement("sitemap", Ns);
            xml.WriteElementString("loc", Ns, baseUrl + part);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    private static string Write(Action<XmlWriter> body)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = false }))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}

/// <summary>How many URLs one sitemap file may hold (the protocol allows 50,000) and how many stories each part of a
/// sitemap index lists. A setting of the code, not of a site: tests lower it to reach the index.</summary>
public sealed record SitemapLimits
{
    public SitemapLimits(int maxUrls = 50_000, int articlesPerPart = 40_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUrls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(articlesPerPart, 1);
        MaxUrls = maxUrls;
        ArticlesPerPart = articlesPerPart;
    }

    public int MaxUrls { get; }

    public int ArticlesPerPart { get; }
}
